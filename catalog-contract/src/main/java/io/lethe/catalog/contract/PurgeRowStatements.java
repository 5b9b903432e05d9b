package io.lethe.catalog.contract;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog rows purges delete, kind by kind: the keyset pages of a dataset's own rows,
 * the deletes of one chunk by id, and the counts of what is left that verification reads.
 * A job's items and assets are those its fence listed in {@code purge.job_prefixes}.
 */
public class PurgeRowStatements {

	private static final String JOB_ASSETS = "(select asset_id from purge.job_prefixes where job_id = :job "
			+ "and asset_id is not null)";

	private static final String JOB_ITEMS = "(select item_id from purge.job_prefixes where job_id = :job "
			+ "and item_id is not null)";

	private final JdbcClient jdbc;

	public PurgeRowStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deletes the dataset's first {@code size} items after {@code after} and at most
	 * {@code upTo} (in the database's uuid order).
	 */
	public DeletedChunk deleteDatasetItems(UUID dataset, UUID after, UUID upTo, int size) {
		return deleteChunk("select id from catalog.items where dataset_id = :key and id > :after and id <= :upTo "
				+ "order by id limit :size", dataset, after, upTo, size, "catalog.items where id");
	}

	public long datasetItemsLeft(UUID dataset) {
		return count("select count(*) from catalog.items where dataset_id = :root", null, dataset);
	}

	/**
	 * Deletes the dataset's first {@code size} share links after {@code after} and at
	 * most {@code upTo}.
	 */
	public DeletedChunk deleteDatasetShareLinks(UUID dataset, UUID after, UUID upTo, int size) {
		return deleteChunk(
				"select id from catalog.share_links where dataset_id = :key and id > :after "
						+ "and id <= :upTo order by id limit :size",
				dataset, after, upTo, size, "catalog.share_links where id");
	}

	public long shareLinksLeft(UUID dataset) {
		return count("select count(*) from catalog.share_links where dataset_id = :root", null, dataset);
	}

	/**
	 * Deletes the first {@code size} items after {@code after} and at most {@code upTo}
	 * that the job's fence listed (a batch's, a cascade's).
	 */
	public DeletedChunk deleteJobItems(UUID job, UUID after, UUID upTo, int size) {
		return deleteChunk(
				"select item_id as id from purge.job_prefixes where job_id = :key and item_id > :after "
						+ "and item_id <= :upTo order by item_id limit :size",
				job, after, upTo, size, "catalog.items where id");
	}

	/**
	 * Deletes the first {@code size} assets after {@code after} and at most {@code upTo}
	 * that the job's fence listed, with their entity links, upload parts and uploads
	 * (what references an asset goes in the same statement; the references are checked at
	 * its end).
	 */
	public DeletedChunk deleteJobAssets(UUID job, UUID after, UUID upTo, int size) {
		return deleteChunk(
				"select asset_id as id from purge.job_prefixes where job_id = :key and asset_id > :after "
						+ "and asset_id <= :upTo order by asset_id limit :size",
				job, after, upTo, size, "catalog.entity_assets where asset_id",
				"catalog.asset_upload_parts where asset_id", "catalog.asset_uploads where asset_id",
				"catalog.assets where id");
	}

	/**
	 * One chunk in one statement: the keys {@code keys} selects (as {@code id}, given
	 * {@code :key}, {@code :after}, {@code :upTo} and {@code :size}) and the deletes by
	 * them, each {@code table where column}. The keys never travel to the worker and
	 * back, and each delete reads them as an array, so that it probes its table's index
	 * as a delete by a list of ids does, whatever the planner would guess of a join with
	 * the chunk.
	 */
	private DeletedChunk deleteChunk(String keys, UUID key, UUID after, UUID upTo, int size, String... deletes) {
		StringBuilder sql = new StringBuilder("with chunk as materialized (").append(keys).append(")");
		StringBuilder deleted = new StringBuilder();
		for (int i = 0; i < deletes.length; i++) {
			sql.append(", d")
				.append(i)
				.append(" as (delete from ")
				.append(deletes[i])
				.append(" = any(array(select id from chunk)) returning 1)");
			deleted.append((i > 0) ? " + " : "").append("(select count(*) from d").append(i).append(")");
		}
		sql.append(" select ")
			.append(deleted)
			.append(" as deleted, (select count(*) from chunk) as keys, ")
			.append("(select id from chunk order by id desc limit 1) as last");
		return this.jdbc.sql(sql.toString())
			.param("key", key)
			.param("after", after)
			.param("upTo", upTo)
			.param("size", size)
			.query((rs, row) -> new DeletedChunk(rs.getLong("deleted"), rs.getInt("keys"),
					rs.getObject("last", UUID.class)))
			.single();
	}

	/** The job's items whose rows are still there. */
	public long jobItemsLeft(UUID job) {
		return count("select count(*) from catalog.items where id in " + JOB_ITEMS, job, null);
	}

	/** The job's assets' rows still there, with their links, uploads and parts. */
	public long jobAssetsLeft(UUID job) {
		return count(
				"select (select count(*) from catalog.assets where id in " + JOB_ASSETS + ")"
						+ " + (select count(*) from catalog.entity_assets where asset_id in " + JOB_ASSETS + ")"
						+ " + (select count(*) from catalog.asset_uploads where asset_id in " + JOB_ASSETS + ")"
						+ " + (select count(*) from catalog.asset_upload_parts where asset_id in " + JOB_ASSETS + ")",
				job, null);
	}

	/**
	 * Assets the dataset owns that the job does not list: those it came to own after its
	 * fence (an upload whose item failed).
	 */
	public long ownedAssetsOutsideJob(UUID job, UUID dataset) {
		return count(
				"select count(*) from catalog.assets where owner_dataset_id = :root " + "and id not in " + JOB_ASSETS,
				job, dataset);
	}

	/**
	 * What one chunk's delete did: the rows it deleted (every kind together), how many
	 * keys the chunk had, and the last of them in the database's order (null when none
	 * was left).
	 */
	public record DeletedChunk(long deleted, int keys, UUID last) {
	}

	/** A count whose SQL may name {@code :job} and {@code :root}. */
	private long count(String sql, UUID job, UUID root) {
		return this.jdbc.sql(sql).param("job", job).param("root", root).query(Long.class).single();
	}

}
