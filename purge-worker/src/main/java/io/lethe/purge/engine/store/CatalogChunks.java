package io.lethe.purge.engine.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.catalog.contract.ObjectIntentStatements;
import io.lethe.catalog.contract.PurgeRowStatements;
import io.lethe.catalog.contract.PurgeRowStatements.DeletedChunk;
import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.PurgeScope;
import io.lethe.purge.engine.PurgeScope.Chunk;
import io.lethe.purge.engine.PurgeScope.RowPhase;
import io.lethe.purge.job.PurgeJob;

import org.springframework.stereotype.Repository;

/**
 * The catalog rows purges delete, kind by kind: each kind's keyset chunk delete (the
 * {@link PurgeScope.ChunkDelete} of a row phase) and its count of what is left, through
 * the catalog contract. Walking by key, never from the start again, keeps each chunk from
 * stepping over the dead index entries of the chunks before it.
 */
@Repository
public class CatalogChunks {

	/** The greatest uuid in the database's order (bytes compared unsigned). */
	private static final UUID AFTER_ALL = new UUID(-1, -1);

	private final PurgeRowStatements rows;

	private final ObjectIntentStatements intents;

	private final Duration inFlightWindow;

	CatalogChunks(PurgeRowStatements rows, ObjectIntentStatements intents, EngineProperties properties) {
		this.rows = rows;
		this.intents = intents;
		this.inFlightWindow = properties.inFlightWriteWindow();
	}

	/** Every item of the dataset that is the job's root. */
	public Chunk datasetItems(PurgeJob job, String after, String upTo, int size) {
		return chunk(this.rows.deleteDatasetItems(job.rootId(), from(after), to(upTo), size), size);
	}

	public long datasetItemsLeft(PurgeJob job) {
		return this.rows.datasetItemsLeft(job.rootId());
	}

	/** The share links of the dataset that is the job's root. */
	public Chunk shareLinks(PurgeJob job, String after, String upTo, int size) {
		return chunk(this.rows.deleteDatasetShareLinks(job.rootId(), from(after), to(upTo), size), size);
	}

	public long shareLinksLeft(PurgeJob job) {
		return this.rows.shareLinksLeft(job.rootId());
	}

	/** The items the job's fence fixed prefixes for (samples, a cascade's items). */
	public Chunk jobItems(PurgeJob job, String after, String upTo, int size) {
		return chunk(this.rows.deleteJobItems(job.id(), from(after), to(upTo), size), size);
	}

	public long jobItemsLeft(PurgeJob job) {
		return this.rows.jobItemsLeft(job.id());
	}

	/**
	 * The assets the job's fence fixed prefixes for, with their entity links, uploads and
	 * parts.
	 */
	public Chunk jobAssets(PurgeJob job, String after, String upTo, int size) {
		return chunk(this.rows.deleteJobAssets(job.id(), from(after), to(upTo), size), size);
	}

	public long jobAssetsLeft(PurgeJob job) {
		return this.rows.jobAssetsLeft(job.id());
	}

	/**
	 * Also the assets the dataset came to own after its fence (an upload whose item
	 * failed): verification finds them, and the purge goes round again for them.
	 */
	public long datasetAssetsLeft(PurgeJob job) {
		return jobAssetsLeft(job) + this.rows.ownedAssetsOutsideJob(job.id(), job.rootId());
	}

	/**
	 * Intents of object writes under the job's prefixes older than the in-flight window:
	 * their writes are over (their objects are gone with the objects step). Younger ones
	 * stay, since a write may still land; verification waits for them
	 * ({@link #freshIntents}).
	 */
	public Chunk intents(PurgeJob job, String after, int size) {
		List<String> keys = this.intents.oldUnderJob(job.id(), this.inFlightWindow, after, size);
		if (keys.isEmpty()) {
			return Chunk.NONE;
		}
		long deleted = this.intents.delete(keys.toArray(String[]::new));
		return new Chunk(deleted, keys.get(keys.size() - 1), keys.size() < size);
	}

	/**
	 * The phase of the intents, the rows step's last for every root type: their keys are
	 * object keys, deleted in one range.
	 */
	public RowPhase intentsPhase() {
		return new RowPhase("intents", (job, after, upTo, size) -> intents(job, after, size), this::intentsLeft, false);
	}

	public long intentsLeft(PurgeJob job) {
		return this.intents.oldUnderJobCount(job.id(), this.inFlightWindow);
	}

	/**
	 * Intents under the job's prefixes younger than the in-flight window: writes that may
	 * still land an object under them.
	 */
	public long freshIntents(PurgeJob job) {
		return this.intents.freshUnderJobCount(job.id(), this.inFlightWindow);
	}

	private static UUID from(String after) {
		return (after != null) ? UUID.fromString(after) : JobPrefixes.BEFORE_ALL;
	}

	private static UUID to(String upTo) {
		return (upTo != null) ? UUID.fromString(upTo) : AFTER_ALL;
	}

	/** The chunk a delete of up to {@code size} keys did, as the rows step counts it. */
	private static Chunk chunk(DeletedChunk deleted, int size) {
		if (deleted.last() == null) {
			return Chunk.NONE;
		}
		// The last id in the database's order, which is not Java's UUID order.
		return new Chunk(deleted.deleted(), deleted.last().toString(), deleted.keys() < size);
	}

}
