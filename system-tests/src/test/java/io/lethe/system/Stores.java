package io.lethe.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.object.S3ObjectStore;
import io.lethe.stores.object.S3Settings;

/**
 * Direct access to the stores behind the system, for seeding volume quickly and for
 * looking at what is left, the way an auditor with database and bucket access would.
 */
final class Stores implements AutoCloseable {

	private final LetheSystem system;

	final S3ObjectStore objects;

	Stores(LetheSystem system) {
		this.system = system;
		this.objects = new S3ObjectStore(new S3Settings(system.s3.endpoint(), null, system.s3.bucket(),
				system.s3.accessKey(), system.s3.secretKey(), true, 16, null));
	}

	Connection connect() throws SQLException {
		return this.system.postgres.connect();
	}

	/**
	 * Adds {@code count} items to the dataset, each with its own source asset owned by
	 * the dataset, a preview object and a vector, as the API would have written them.
	 */
	List<UUID> seedItems(UUID org, UUID dataset, String createdBy, int count, int dimension) throws Exception {
		return seedItems(org, dataset, createdBy, count, dimension, count);
	}

	/**
	 * As {@link #seedItems(UUID, UUID, String, int, int)}, with a vector for the first
	 * {@code vectors} items only (an item need not have one): each vector costs an HNSW
	 * insert, the slowest part of seeding.
	 */
	List<UUID> seedItems(UUID org, UUID dataset, String createdBy, int count, int dimension, int vectors)
			throws Exception {
		List<UUID> items = new ArrayList<>();
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement asset = connection.prepareStatement("""
					insert into catalog.assets (id, org_id, filename, content_type, asset_type, size_bytes, checksum,
					    object_key, owner_dataset_id, status, created_at, created_by, updated_at, updated_by)
					values (?, ?, 'seed.png', 'image/png', 'image', 1, 'sha256:00', ?, ?, 'ready', now(), ?, now(), ?)
					"""); PreparedStatement item = connection.prepareStatement("""
					insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, preview_key,
					    created_at, created_by)
					values (?, ?, ?, ?, 'image', 'active', ?, now(), ?)
					"""); PreparedStatement vector = connection.prepareStatement("""
					insert into vectors.e_multimodal (item_id, embedding_name, org_id, dataset_id, embedding)
					values (?, 'multimodal', ?, ?, cast(? as vector))
					""")) {
				for (int i = 0; i < count; i++) {
					UUID assetId = UUID.randomUUID();
					UUID itemId = UUID.randomUUID();
					asset.setObject(1, assetId);
					asset.setObject(2, org);
					asset.setString(3, "orgs/" + org + "/assets/" + assetId + "/original");
					asset.setObject(4, dataset);
					asset.setString(5, createdBy);
					asset.setString(6, createdBy);
					asset.addBatch();
					item.setObject(1, itemId);
					item.setObject(2, org);
					item.setObject(3, dataset);
					item.setObject(4, assetId);
					item.setString(5, previewKey(org, dataset, itemId));
					item.setString(6, createdBy);
					item.addBatch();
					if (i < vectors) {
						vector.setObject(1, itemId);
						vector.setObject(2, org);
						vector.setObject(3, dataset);
						vector.setString(4, unitVector(i, dimension));
						vector.addBatch();
					}
					items.add(itemId);
				}
				asset.executeBatch();
				item.executeBatch();
				vector.executeBatch();
			}
			connection.commit();
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> puts = new ArrayList<>();
			for (UUID itemId : items) {
				puts.add(pool.submit(() -> this.objects.put(previewKey(org, dataset, itemId),
						new java.io.ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3, "image/jpeg")));
			}
			for (Future<?> put : puts) {
				put.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return items;
	}

	/** Rows that still name the root in any catalog table that holds content. */
	Map<String, Long> catalogRowsOf(UUID dataset) throws SQLException {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		counts.put("items", count("select count(*) from catalog.items where dataset_id = ?", dataset));
		counts.put("assets", count("select count(*) from catalog.assets where owner_dataset_id = ?", dataset));
		counts.put("share_links", count("select count(*) from catalog.share_links where dataset_id = ?", dataset));
		counts.put("asset_uploads", count("select count(*) from catalog.asset_uploads u join catalog.assets a "
				+ "on a.id = u.asset_id where a.owner_dataset_id = ?", dataset));
		counts.put("object_intents",
				count("select count(*) from catalog.object_intents where object_key like '%' || ? || '%'", dataset));
		counts.put("vectors", count("select count(*) from vectors.e_multimodal where dataset_id = ?", dataset));
		return counts;
	}

	long count(String sql, Object parameter) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, parameter);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	List<ObjectVersion> versionsUnder(String prefix) {
		try (var versions = this.objects.listVersions(prefix)) {
			return versions.toList();
		}
	}

	List<MultipartUpload> uploadsUnder(String prefix) {
		try (var uploads = this.objects.listMultipartUploads(prefix)) {
			return uploads.toList();
		}
	}

	static String previewKey(UUID org, UUID dataset, UUID item) {
		return "orgs/" + org + "/datasets/" + dataset + "/items/" + item + "/preview.jpg";
	}

	private static String unitVector(int seed, int dimension) {
		StringBuilder text = new StringBuilder("[");
		for (int i = 0; i < dimension; i++) {
			text.append((i > 0) ? "," : "").append(Math.cos(seed * 0.01 + i));
		}
		return text.append(']').toString();
	}

	@Override
	public void close() {
		this.objects.close();
	}

}
