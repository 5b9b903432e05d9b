package io.lethe.command.asset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Multipart uploads under way and the parts received so far. */
@Repository
class AssetUploads {

	/** An upload and the current status of its asset. */
	record Upload(UUID assetId, UUID orgId, String objectKey, String uploadId, String assetStatus) {

		Upload(UUID assetId, UUID orgId, String objectKey, String uploadId) {
			this(assetId, orgId, objectKey, uploadId, Asset.UPLOADING);
		}

	}

	record Part(int partNumber, String etag, long sizeBytes, String sha256) {
	}

	private final JdbcClient jdbc;

	AssetUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Upload upload, Instant at) {
		this.jdbc
			.sql("insert into catalog.asset_uploads (asset_id, org_id, object_key, upload_id, created_at) "
					+ "values (:asset, :org, :key, :upload, :at)")
			.param("asset", upload.assetId())
			.param("org", upload.orgId())
			.param("key", upload.objectKey())
			.param("upload", upload.uploadId())
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<Upload> find(UUID org, UUID asset) {
		return this.jdbc
			.sql("select u.asset_id, u.org_id, u.object_key, u.upload_id, a.status from catalog.asset_uploads u "
					+ "join catalog.assets a on a.id = u.asset_id where u.asset_id = :asset and u.org_id = :org")
			.param("asset", asset)
			.param("org", org)
			.query((rs, row) -> new Upload(rs.getObject("asset_id", UUID.class), rs.getObject("org_id", UUID.class),
					rs.getString("object_key"), rs.getString("upload_id"), rs.getString("status")))
			.optional();
	}

	void savePart(UUID asset, Part part) {
		this.jdbc
			.sql("insert into catalog.asset_upload_parts (asset_id, part_number, etag, size_bytes, sha256) "
					+ "values (:asset, :n, :etag, :size, :sha) on conflict (asset_id, part_number) do update "
					+ "set etag = excluded.etag, size_bytes = excluded.size_bytes, sha256 = excluded.sha256")
			.param("asset", asset)
			.param("n", part.partNumber())
			.param("etag", part.etag())
			.param("size", part.sizeBytes())
			.param("sha", part.sha256())
			.update();
	}

	List<Part> parts(UUID asset) {
		return this.jdbc
			.sql("select part_number, etag, size_bytes, sha256 from catalog.asset_upload_parts "
					+ "where asset_id = :asset order by part_number")
			.param("asset", asset)
			.query((rs, row) -> new Part(rs.getInt("part_number"), rs.getString("etag"), rs.getLong("size_bytes"),
					rs.getString("sha256")))
			.list();
	}

	void delete(UUID asset) {
		this.jdbc.sql("delete from catalog.asset_uploads where asset_id = :asset").param("asset", asset).update();
	}

}
