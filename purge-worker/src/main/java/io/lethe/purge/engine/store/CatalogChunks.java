package io.lethe.purge.engine.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

import io.lethe.catalog.contract.ObjectIntentStatements;
import io.lethe.catalog.contract.PurgeRowStatements;
import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.PurgeScope;
import io.lethe.purge.engine.PurgeScope.Chunk;
import io.lethe.purge.job.PurgeJob;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog rows purges delete, kind by kind: each kind's keyset chunk delete (the
 * {@link PurgeScope.ChunkDelete} of a row phase) and its count of what is left, through
 * the catalog contract. Walking by key, never from the start again, keeps each chunk from
 * stepping over the dead index entries of the chunks before it.
 */
@Repository
public class CatalogChunks {

	private final PurgeRowStatements rows;

	private final ObjectIntentStatements intents;

	private final JdbcClient jdbc;

	private final Duration inFlightWindow;

	CatalogChunks(PurgeRowStatements rows, ObjectIntentStatements intents, JdbcClient jdbc,
			EngineProperties properties) {
		this.rows = rows;
		this.intents = intents;
		this.jdbc = jdbc;
		this.inFlightWindow = properties.inFlightWriteWindow();
	}

	/** Every item of the dataset that is the job's root. */
	public Chunk datasetItems(PurgeJob job, String after, int size) {
		return byId(this.rows.datasetItemIds(job.rootId(), from(after), size), size, this.rows::deleteItems);
	}

	public long datasetItemsLeft(PurgeJob job) {
		return this.rows.datasetItemsLeft(job.rootId());
	}

	/** The share links of the dataset that is the job's root. */
	public Chunk shareLinks(PurgeJob job, String after, int size) {
		return byId(this.rows.shareLinkIds(job.rootId(), from(after), size), size, this.rows::deleteShareLinks);
	}

	public long shareLinksLeft(PurgeJob job) {
		return this.rows.shareLinksLeft(job.rootId());
	}

	/** The items the job's fence fixed prefixes for (samples, a cascade's items). */
	public Chunk jobItems(PurgeJob job, String after, int size) {
		return byId(jobIds("item_id", job, after, size), size, this.rows::deleteItems);
	}

	public long jobItemsLeft(PurgeJob job) {
		return this.rows.jobItemsLeft(job.id());
	}

	/**
	 * The assets the job's fence fixed prefixes for, with their entity links, uploads and
	 * parts.
	 */
	public Chunk jobAssets(PurgeJob job, String after, int size) {
		return byId(jobIds("asset_id", job, after, size), size, this.rows::deleteAssets);
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

	/** A page of the job's own item or asset ids, from its prefixes. */
	private List<UUID> jobIds(String column, PurgeJob job, String after, int size) {
		return this.jdbc
			.sql("select %1$s from purge.job_prefixes where job_id = ? and %1$s > ? order by %1$s limit ?"
				.formatted(column))
			.params(job.id(), from(after), size)
			.query(UUID.class)
			.list();
	}

	private static UUID from(String after) {
		return (after != null) ? UUID.fromString(after) : JobPrefixes.BEFORE_ALL;
	}

	/** Deletes the rows keyed by the ids of one chunk. */
	private static Chunk byId(List<UUID> ids, int size, ToLongFunction<UUID[]> delete) {
		if (ids.isEmpty()) {
			return Chunk.NONE;
		}
		long deleted = delete.applyAsLong(ids.toArray(UUID[]::new));
		// The last id in the database's order, which is not Java's UUID order.
		return new Chunk(deleted, ids.get(ids.size() - 1).toString(), ids.size() < size);
	}

}
