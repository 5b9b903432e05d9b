package io.lethe.catalog.contract;

import java.util.List;
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

	/** Up to {@code size} ids of the dataset's items after {@code after}, in id order. */
	public List<UUID> datasetItemIds(UUID dataset, UUID after, int size) {
		return this.jdbc.sql("select id from catalog.items where dataset_id = ? and id > ? order by id limit ?")
			.params(dataset, after, size)
			.query(UUID.class)
			.list();
	}

	public long datasetItemsLeft(UUID dataset) {
		return count("select count(*) from catalog.items where dataset_id = :root", null, dataset);
	}

	/** Up to {@code size} ids of the dataset's share links after {@code after}. */
	public List<UUID> shareLinkIds(UUID dataset, UUID after, int size) {
		return this.jdbc.sql("select id from catalog.share_links where dataset_id = ? and id > ? order by id limit ?")
			.params(dataset, after, size)
			.query(UUID.class)
			.list();
	}

	public long shareLinksLeft(UUID dataset) {
		return count("select count(*) from catalog.share_links where dataset_id = :root", null, dataset);
	}

	/** Deletes the items (a dataset's, a batch's, a cascade's). */
	public long deleteItems(UUID[] ids) {
		return this.jdbc.sql("delete from catalog.items where id = any(?)").param(ids).update();
	}

	public long deleteShareLinks(UUID[] ids) {
		return this.jdbc.sql("delete from catalog.share_links where id = any(?)").param(ids).update();
	}

	/**
	 * Deletes the assets with their entity links, upload parts and uploads, in that order
	 * (what references an asset goes before it).
	 * @return the rows deleted, all kinds together
	 */
	public long deleteAssets(UUID[] ids) {
		long deleted = 0;
		for (String delete : List.of("delete from catalog.entity_assets where asset_id = any(?)",
				"delete from catalog.asset_upload_parts where asset_id = any(?)",
				"delete from catalog.asset_uploads where asset_id = any(?)",
				"delete from catalog.assets where id = any(?)")) {
			deleted += this.jdbc.sql(delete).param(ids).update();
		}
		return deleted;
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

	/** A count whose SQL may name {@code :job} and {@code :root}. */
	private long count(String sql, UUID job, UUID root) {
		return this.jdbc.sql(sql).param("job", job).param("root", root).query(Long.class).single();
	}

}
