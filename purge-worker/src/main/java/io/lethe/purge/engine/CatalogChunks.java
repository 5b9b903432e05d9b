package io.lethe.purge.engine;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.purge.engine.PurgeScope.Chunk;
import io.lethe.purge.job.PurgeJob;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog rows purges delete, kind by kind: each kind's keyset chunk delete (the
 * {@link PurgeScope.ChunkDelete} of a row phase) and its count of what is left. Walking
 * by key, never from the start again, keeps each chunk from stepping over the dead index
 * entries of the chunks before it.
 */
@Repository
class CatalogChunks {

	private static final String JOB_ASSETS = "(select asset_id from purge.job_prefixes where job_id = :job "
			+ "and asset_id is not null)";

	private static final String JOB_ITEMS = "(select item_id from purge.job_prefixes where job_id = :job "
			+ "and item_id is not null)";

	private final JdbcClient jdbc;

	private final Duration inFlightWindow;

	CatalogChunks(JdbcClient jdbc, EngineProperties properties) {
		this.jdbc = jdbc;
		this.inFlightWindow = properties.inFlightWriteWindow();
	}

	/** Every item of the dataset that is the job's root. */
	Chunk datasetItems(PurgeJob job, String after, int size) {
		return byId(ids("select id from catalog.items where dataset_id = ? and id > ? order by id limit ?",
				job.rootId(), after, size), "delete from catalog.items where id = any(?)");
	}

	long datasetItemsLeft(PurgeJob job) {
		return count("select count(*) from catalog.items where dataset_id = :root", job);
	}

	/** The share links of the dataset that is the job's root. */
	Chunk shareLinks(PurgeJob job, String after, int size) {
		return byId(ids("select id from catalog.share_links where dataset_id = ? and id > ? order by id limit ?",
				job.rootId(), after, size), "delete from catalog.share_links where id = any(?)");
	}

	long shareLinksLeft(PurgeJob job) {
		return count("select count(*) from catalog.share_links where dataset_id = :root", job);
	}

	/** The items the job's fence fixed prefixes for (samples, a cascade's items). */
	Chunk jobItems(PurgeJob job, String after, int size) {
		return byId(
				ids("select item_id from purge.job_prefixes where job_id = ? and item_id > ? "
						+ "order by item_id limit ?", job.id(), after, size),
				"delete from catalog.items where id = any(?)");
	}

	long jobItemsLeft(PurgeJob job) {
		return count("select count(*) from catalog.items where id in " + JOB_ITEMS, job);
	}

	/**
	 * The assets the job's fence fixed prefixes for, with their entity links, uploads and
	 * parts.
	 */
	Chunk jobAssets(PurgeJob job, String after, int size) {
		return byId(
				ids("select asset_id from purge.job_prefixes where job_id = ? and asset_id > ? "
						+ "order by asset_id limit ?", job.id(), after, size),
				"delete from catalog.entity_assets where asset_id = any(?)",
				"delete from catalog.asset_upload_parts where asset_id = any(?)",
				"delete from catalog.asset_uploads where asset_id = any(?)",
				"delete from catalog.assets where id = any(?)");
	}

	long jobAssetsLeft(PurgeJob job) {
		return count(
				"select (select count(*) from catalog.assets where id in " + JOB_ASSETS + ")"
						+ " + (select count(*) from catalog.entity_assets where asset_id in " + JOB_ASSETS + ")"
						+ " + (select count(*) from catalog.asset_uploads where asset_id in " + JOB_ASSETS + ")"
						+ " + (select count(*) from catalog.asset_upload_parts where asset_id in " + JOB_ASSETS + ")",
				job);
	}

	/**
	 * Also the assets the dataset came to own after its fence (an upload whose item
	 * failed): verification finds them, and the purge goes round again for them.
	 */
	long datasetAssetsLeft(PurgeJob job) {
		return jobAssetsLeft(job) + count(
				"select count(*) from catalog.assets where owner_dataset_id = :root " + "and id not in " + JOB_ASSETS,
				job);
	}

	/**
	 * Intents of object writes under the job's prefixes older than the in-flight window:
	 * their writes are over (their objects are gone with the objects step). Younger ones
	 * stay, since a write may still land; verification waits for them
	 * ({@link #freshIntents}).
	 */
	Chunk intents(PurgeJob job, String after, int size) {
		List<String> keys = this.jdbc.sql("""
				select oi.object_key from catalog.object_intents oi
				where oi.object_key > :after and oi.created_at <= now() - :window * interval '1 millisecond'
				  and exists (select 1 from purge.job_prefixes p
				              where p.job_id = :job and starts_with(oi.object_key, p.prefix))
				order by oi.object_key limit :size
				""")
			.param("after", (after != null) ? after : "")
			.param("window", this.inFlightWindow.toMillis())
			.param("job", job.id())
			.param("size", size)
			.query(String.class)
			.list();
		if (keys.isEmpty()) {
			return Chunk.NONE;
		}
		long deleted = this.jdbc.sql("delete from catalog.object_intents where object_key = any(?)")
			.param(keys.toArray(String[]::new))
			.update();
		return new Chunk(deleted, keys.get(keys.size() - 1));
	}

	long intentsLeft(PurgeJob job) {
		return this.jdbc.sql("""
				select count(*) from catalog.object_intents oi
				where oi.created_at <= now() - :window * interval '1 millisecond'
				  and exists (select 1 from purge.job_prefixes p
				              where p.job_id = :job and starts_with(oi.object_key, p.prefix))
				""").param("window", this.inFlightWindow.toMillis()).param("job", job.id()).query(Long.class).single();
	}

	/**
	 * Intents under the job's prefixes younger than the in-flight window: writes that may
	 * still land an object under them.
	 */
	long freshIntents(PurgeJob job) {
		return this.jdbc.sql("""
				select count(*) from catalog.object_intents oi
				where oi.created_at > now() - :window * interval '1 millisecond'
				  and exists (select 1 from purge.job_prefixes p
				              where p.job_id = :job and starts_with(oi.object_key, p.prefix))
				""").param("window", this.inFlightWindow.toMillis()).param("job", job.id()).query(Long.class).single();
	}

	private List<UUID> ids(String select, UUID owner, String after, int size) {
		UUID from = (after != null) ? UUID.fromString(after) : JobPrefixes.BEFORE_ALL;
		return this.jdbc.sql(select).params(owner, from, size).query(UUID.class).list();
	}

	/** Deletes with each statement, in order, the rows keyed by the ids of one chunk. */
	private Chunk byId(List<UUID> ids, String... deletes) {
		if (ids.isEmpty()) {
			return Chunk.NONE;
		}
		UUID[] keys = ids.toArray(UUID[]::new);
		long deleted = 0;
		for (String delete : deletes) {
			deleted += this.jdbc.sql(delete).param(keys).update();
		}
		// The last id in the database's order, which is not Java's UUID order.
		return new Chunk(deleted, ids.get(ids.size() - 1).toString());
	}

	/** A count whose SQL may name {@code :job} and {@code :root}. */
	private long count(String sql, PurgeJob job) {
		return this.jdbc.sql(sql).param("job", job.id()).param("root", job.rootId()).query(Long.class).single();
	}

}
