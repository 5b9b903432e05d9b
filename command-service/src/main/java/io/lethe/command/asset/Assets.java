package io.lethe.command.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's assets, always scoped to an org. */
@Repository
public class Assets {

	private static final String COLUMNS = "id, org_id, filename, content_type, asset_type, size_bytes, checksum, "
			+ "object_key, owner_dataset_id, metadata::text as metadata, status, created_at, created_by, updated_at, "
			+ "updated_by";

	private final JdbcClient jdbc;

	Assets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Asset a) {
		this.jdbc.sql("""
				insert into catalog.assets (id, org_id, filename, content_type, asset_type, size_bytes, checksum,
				    object_key, owner_dataset_id, metadata, status, created_at, created_by, updated_at, updated_by)
				values (:id, :org, :filename, :contentType, :type, :size, :checksum, :key, :owner,
				    cast(:metadata as jsonb), :status, :created, :createdBy, :updated, :updatedBy)
				""")
			.param("id", a.id())
			.param("org", a.orgId())
			.param("filename", a.filename())
			.param("contentType", a.contentType())
			.param("type", a.assetType().value())
			.param("size", a.sizeBytes())
			.param("checksum", a.checksum())
			.param("key", a.objectKey())
			.param("owner", a.ownerDatasetId())
			.param("metadata", a.metadata())
			.param("status", a.status())
			.param("created", Timestamp.from(a.createdAt()))
			.param("createdBy", a.createdBy())
			.param("updated", Timestamp.from(a.updatedAt()))
			.param("updatedBy", a.updatedBy())
			.update();
	}

	public Optional<Asset> find(UUID org, UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.assets where id = :id and org_id = :org and status <> 'deleted'")
			.param("id", id)
			.param("org", org)
			.query(Assets::map)
			.optional();
	}

	/**
	 * The asset's status, deleted or not, while its row exists; once the purge removed
	 * the row, that it was deleted, when and by whom.
	 */
	public Optional<AssetStatus> status(UUID org, UUID id) {
		return this.jdbc.sql("""
				select a.status, coalesce(a.deleted_at, d.deleted_at) as deleted_at,
				       coalesce(a.deleted_by, d.deleted_by) as deleted_by, a.id is null as row_purged
				  from (select cast(:id as uuid) as id) wanted
				  left join catalog.assets a on a.id = wanted.id and a.org_id = :org
				  left join catalog.asset_deletions d on d.asset_id = wanted.id and d.org_id = :org
				 where a.id is not null or d.asset_id is not null
				""").param("id", id).param("org", org).query((rs, row) -> {
			OffsetDateTime deletedAt = rs.getObject("deleted_at", OffsetDateTime.class);
			boolean rowPurged = rs.getBoolean("row_purged");
			return new AssetStatus(rowPurged ? Asset.DELETED : rs.getString("status"),
					(deletedAt != null) ? deletedAt.toInstant() : null, rs.getString("deleted_by"), rowPurged);
		}).optional();
	}

	/**
	 * The live asset, locked (shared) until the transaction ends: it cannot be deleted
	 * meanwhile, while other readers may lock it too.
	 */
	Optional<Asset> lockShared(UUID org, UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from catalog.assets where id = :id and org_id = :org and status <> 'deleted' for share")
			.param("id", id)
			.param("org", org)
			.query(Assets::map)
			.optional();
	}

	public Optional<Asset> lock(UUID org, UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from catalog.assets where id = :id and org_id = :org and status <> 'deleted' for update")
			.param("id", id)
			.param("org", org)
			.query(Assets::map)
			.optional();
	}

	List<Asset> page(UUID org, String status, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.assets where org_id = :org and status = :status "
					+ "order by created_at desc, id desc limit :limit offset :offset")
			.param("org", org)
			.param("status", status)
			.param("limit", limit)
			.param("offset", offset)
			.query(Assets::map)
			.list();
	}

	long count(UUID org, String status) {
		return this.jdbc.sql("select count(*) from catalog.assets where org_id = :org and status = :status")
			.param("org", org)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	void updateMetadata(UUID id, String metadata, String by, java.time.Instant at) {
		this.jdbc
			.sql("update catalog.assets set metadata = cast(:metadata as jsonb), updated_by = :by, updated_at = :at "
					+ "where id = :id")
			.param("id", id)
			.param("metadata", metadata)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Marks an {@code uploading} asset ready; an asset deleted meanwhile stays deleted.
	 */
	int markReady(UUID id, long size, String checksum, java.time.Instant at) {
		return this.jdbc
			.sql("update catalog.assets set status = 'ready', size_bytes = :size, checksum = :checksum, "
					+ "updated_at = :at where id = :id and status = 'uploading'")
			.param("id", id)
			.param("size", size)
			.param("checksum", checksum)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Marks the asset deleted and keeps who and when in {@code catalog.asset_deletions},
	 * which outlives the row that the purge removes.
	 */
	void markDeleted(UUID id, String by, java.time.Instant at) {
		this.jdbc.sql("""
				with deleted as (
				  update catalog.assets set status = 'deleted', deleted_at = :at, deleted_by = :by, updated_at = :at,
				         updated_by = :by
				   where id = :id
				  returning id, org_id)
				insert into catalog.asset_deletions (asset_id, org_id, deleted_at, deleted_by)
				select id, org_id, :at, :by from deleted
				on conflict (asset_id) do nothing
				""").param("id", id).param("by", by).param("at", Timestamp.from(at)).update();
	}

	/**
	 * Forgets an asset whose upload was abandoned; a deleted asset is left to its purge.
	 */
	void deleteUploading(UUID id) {
		this.jdbc.sql("delete from catalog.assets where id = :id and status = 'uploading'").param("id", id).update();
	}

	static Asset map(ResultSet rs, int row) throws SQLException {
		return new Asset(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("filename"),
				rs.getString("content_type"), AssetType.of(rs.getString("asset_type")).orElseThrow(),
				rs.getObject("size_bytes", Long.class), rs.getString("checksum"), rs.getString("object_key"),
				rs.getObject("owner_dataset_id", UUID.class), rs.getString("metadata"), rs.getString("status"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
	}

}
