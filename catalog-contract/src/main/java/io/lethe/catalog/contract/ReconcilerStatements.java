package io.lethe.catalog.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the orphan reconciler asks the catalog, a chunk at a time: which owners of keys
 * still exist (any row, whatever its status, except a dataset's tombstone), which a legal
 * hold protects, which uploads are recorded; and, in a real run, the statements that
 * forget an abandoned upload and delete vectors whose item is gone. Object intents are in
 * {@link ObjectIntentStatements}.
 */
public class ReconcilerStatements {

	private static final String NO_ITEM = "not exists (select 1 from catalog.items i where i.id = v.item_id) "
			+ "and not exists (select 1 from catalog.datasets d where d.id = v.dataset_id and d.legal_hold_at is not null)";

	private final JdbcClient jdbc;

	public ReconcilerStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<UUID> existingAssets(UUID[] ids) {
		return this.jdbc.sql("select id from catalog.assets where id = any(?)").param(ids).query(UUID.class).list();
	}

	public List<UUID> existingItems(UUID[] ids) {
		return this.jdbc.sql("select id from catalog.items where id = any(?)").param(ids).query(UUID.class).list();
	}

	/** The datasets that exist and are not a tombstone ({@code purged}). */
	public List<UUID> unpurgedDatasets(UUID[] ids) {
		return this.jdbc.sql("select id from catalog.datasets where id = any(?) and status <> 'purged'")
			.param(ids)
			.query(UUID.class)
			.list();
	}

	/** The datasets under legal hold. */
	public List<UUID> heldDatasets(UUID[] ids) {
		return this.jdbc.sql("select id from catalog.datasets where id = any(?) and legal_hold_at is not null")
			.param(ids)
			.query(UUID.class)
			.list();
	}

	/**
	 * The assets a held dataset owns or one of its live items uses (the asset's row may
	 * be gone: the item still names it).
	 */
	public List<UUID> heldAssets(UUID[] assets) {
		return this.jdbc.sql("""
				select a.id from catalog.assets a join catalog.datasets d on d.id = a.owner_dataset_id
				where a.id = any(:assets) and d.legal_hold_at is not null
				union
				select i.asset_id from catalog.items i join catalog.datasets d on d.id = i.dataset_id
				where i.asset_id = any(:assets) and i.status = 'active' and d.legal_hold_at is not null
				""").param("assets", assets).query(UUID.class).list();
	}

	/** The catalog's records of the uploads, with the bytes of their parts. */
	public List<RecordedUpload> recordedUploads(String[] uploadIds) {
		return this.jdbc.sql("""
				select u.upload_id, u.asset_id, u.created_at,
				       (select coalesce(sum(p.size_bytes), 0) from catalog.asset_upload_parts p
				        where p.asset_id = u.asset_id) as bytes
				from catalog.asset_uploads u where u.upload_id = any(?)
				""")
			.param(uploadIds)
			.query((rs, row) -> new RecordedUpload(rs.getObject("asset_id", UUID.class), rs.getString("upload_id"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("bytes")))
			.list();
	}

	/**
	 * What the uploader's abort does in the catalog: the upload goes and, when it was
	 * there, its asset's entity links and the asset, if still {@code uploading}. Run it
	 * in one transaction.
	 * @return whether the upload was recorded
	 */
	public boolean forgetUpload(UUID asset, String uploadId) {
		int forgotten = this.jdbc.sql("delete from catalog.asset_uploads where asset_id = ? and upload_id = ?")
			.params(asset, uploadId)
			.update();
		if (forgotten > 0) {
			this.jdbc
				.sql("delete from catalog.entity_assets where asset_id = ? and exists "
						+ "(select 1 from catalog.assets where id = ? and status = 'uploading')")
				.params(asset, asset)
				.update();
			this.jdbc.sql("delete from catalog.assets where id = ? and status = 'uploading'").param(asset).update();
		}
		return forgotten > 0;
	}

	/**
	 * One page, in key order after {@code after}, of the vectors in {@code table} (a
	 * pgvector collection's) written before the cutoff, of the org (or any, when null),
	 * whose item row is gone and whose dataset is not under legal hold.
	 */
	public List<OrphanVector> orphanVectors(String table, OrphanVector after, Instant cutoff, UUID org, int limit) {
		return this.jdbc
			.sql("select v.item_id, v.embedding_name, pg_column_size(v.embedding) as bytes from " + table + " v "
					+ "where (v.item_id, v.embedding_name) > (?, ?) and v.created_at < ? "
					+ "and (cast(? as uuid) is null or v.org_id = ?) and " + NO_ITEM
					+ " order by v.item_id, v.embedding_name limit ?")
			.params(after.item(), after.embedding(), ObjectIntentStatements.timestamp(cutoff), org, org, limit)
			.query((rs, row) -> new OrphanVector(rs.getObject("item_id", UUID.class), rs.getString("embedding_name"),
					rs.getLong("bytes")))
			.list();
	}

	/**
	 * Deletes the vectors of {@code table} by key that are still orphans: the catalog is
	 * asked again in the same statement, so an item that appeared since keeps them.
	 * @return the bytes of each vector deleted
	 */
	public List<Long> deleteOrphanVectors(String table, List<OrphanVector> vectors) {
		return this.jdbc
			.sql("delete from " + table + " v where (v.item_id, v.embedding_name) in "
					+ "(select * from unnest(cast(? as uuid[]), cast(? as text[]))) and " + NO_ITEM
					+ " returning pg_column_size(v.embedding)")
			.params(vectors.stream().map(OrphanVector::item).toArray(UUID[]::new),
					vectors.stream().map(OrphanVector::embedding).toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	/** An upload the catalog recorded: for which asset, since when, its parts' bytes. */
	public record RecordedUpload(UUID assetId, String uploadId, Instant createdAt, long bytes) {
	}

	/** A vector by its key, with the bytes its embedding takes. */
	public record OrphanVector(UUID item, String embedding, long bytes) {
	}

}
