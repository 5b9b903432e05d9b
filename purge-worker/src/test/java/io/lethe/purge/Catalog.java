package io.lethe.purge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.vector.VectorEntry;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the catalog, the vector index and the object store the way the command service
 * would have filled them, and counts what is left.
 */
final class Catalog {

	static final String COLLECTION = "e_test_multimodal";

	static final String SECOND_COLLECTION = "e_test_audio";

	private final JdbcClient jdbc;

	private final ObjectStore objects;

	private final VectorIndex vectors;

	private final TransactionTemplate transactions;

	Catalog(JdbcClient jdbc, ObjectStore objects, VectorIndex vectors, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.objects = objects;
		this.vectors = vectors;
		vectors.ensureCollection(COLLECTION, 4);
		vectors.ensureCollection(SECOND_COLLECTION, 3);
	}

	UUID org() {
		UUID org = UUID.randomUUID();
		this.jdbc.sql("insert into catalog.orgs (id, name) values (?, ?)").params(org, "org_" + org).update();
		return org;
	}

	/**
	 * The dataset is deleted now (as the command service would) and expired {@code ago}.
	 */
	void expired(UUID dataset, Duration ago) {
		this.jdbc.sql("update catalog.datasets set status = 'pending_deletion', expires_at = ? where id = ?")
			.params(Instant.now().minus(ago).atOffset(ZoneOffset.UTC), dataset)
			.update();
	}

	/** A dataset deleted with the given grace period left (negative: expired). */
	UUID deletedDataset(UUID org, Duration untilExpiry) {
		return dataset(org, "pending_deletion", Instant.now().plus(untilExpiry));
	}

	UUID dataset(UUID org, String status, Instant expiresAt) {
		UUID dataset = UUID.randomUUID();
		this.jdbc.sql("""
				insert into catalog.datasets (id, org_id, name, description, encoder_name, allowed_asset_types,
				        keyframe_sampling_method, store_original, store_preview, metadata_fields_to_index,
				        dataset_config, status, created_dt, created_by, deleted_dt, deleted_by, expires_at)
				values (?, ?, ?, 'holiday clips', 'multimodal', '{image,video}', 'intelligent', true, true,
				        '{title}', '{"hybrid_search": true}', ?, now(), 'key-1', now(), 'key-1', ?)
				""")
			.params(dataset, org, "ds_" + dataset.toString().replace("-", ""), status,
					(expiresAt != null) ? expiresAt.atOffset(ZoneOffset.UTC) : null)
			.update();
		return dataset;
	}

	/**
	 * Items with a preview object and a vector each (the first ten also a vector in a
	 * second collection).
	 */
	List<UUID> items(UUID org, UUID dataset, int count) {
		List<UUID> items = this.jdbc.sql("""
				insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, preview_key,
				        created_at, created_by)
				select gen_random_uuid(), ?, ?, gen_random_uuid(), 'image', 'active', null, now(), 'key-1'
				from generate_series(1, ?) returning id
				""").params(org, dataset, count).query(UUID.class).list();
		this.jdbc
			.sql("update catalog.items set preview_key = 'orgs/' || org_id || '/datasets/' || dataset_id "
					+ "|| '/items/' || id || '/preview.jpg' where dataset_id = ?")
			.param(dataset)
			.update();
		parallel(items.stream().map((item) -> (Runnable) () -> {
			put(ObjectKeys.itemPreview(org, dataset, item), "preview of " + item);
			this.vectors.upsert(COLLECTION, new VectorEntry(org, dataset, item, "image", new float[] { 1, 2, 3, 4 }));
		}).toList());
		for (UUID item : items.subList(0, Math.min(10, items.size()))) {
			this.vectors.upsert(SECOND_COLLECTION,
					new VectorEntry(org, dataset, item, "audio", new float[] { 1, 0, 1 }));
		}
		return items;
	}

	/** An item of {@code dataset} whose source is {@code asset}. */
	void itemUsing(UUID org, UUID dataset, UUID asset) {
		this.jdbc
			.sql("insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, created_at, "
					+ "created_by) values (gen_random_uuid(), ?, ?, ?, 'image', 'active', now(), 'key-1')")
			.params(org, dataset, asset)
			.update();
	}

	/**
	 * An asset uploaded into {@code owner}: {@code versions} versions of its original,
	 * then (optionally) a delete marker on top.
	 */
	UUID ownedAsset(UUID org, UUID owner, int versions, boolean deleteMarker) {
		return asset(org, owner, "ready", versions, deleteMarker);
	}

	/** {@code count} assets owned by {@code owner} (null: by none), a version each. */
	List<UUID> ownedAssets(UUID org, UUID owner, int count) {
		List<UUID> assets = Collections.synchronizedList(new ArrayList<>());
		parallel(IntStream.range(0, count)
			.mapToObj((i) -> (Runnable) () -> assets.add(asset(org, owner, "ready", 1, false)))
			.toList());
		return assets;
	}

	/**
	 * An asset in {@code status} ({@code deleted}: as a deletion left it), with
	 * {@code versions} versions of its original and optionally a delete marker on top.
	 */
	UUID asset(UUID org, UUID owner, String status, int versions, boolean deleteMarker) {
		UUID asset = UUID.randomUUID();
		String key = ObjectKeys.assetOriginal(org, asset);
		this.jdbc.sql("""
				insert into catalog.assets (id, org_id, filename, content_type, asset_type, object_key,
				        owner_dataset_id, status, created_at, created_by, updated_at, updated_by)
				values (?, ?, 'beach.jpg', 'image/jpeg', 'image', ?, ?, ?, now(), 'key-1', now(), 'key-1')
				""").params(asset, org, key, owner, status).update();
		for (int i = 1; i <= versions; i++) {
			put(key, "version " + i + " of " + asset);
		}
		if (deleteMarker) {
			BucketProbe.deleteMarker(key);
		}
		return asset;
	}

	/**
	 * An item of {@code dataset} whose source is {@code asset}, with a preview in
	 * {@code previewVersions} versions and a vector in each of two collections.
	 */
	UUID itemOf(UUID org, UUID dataset, UUID asset, int previewVersions) {
		UUID item = UUID.randomUUID();
		String preview = ObjectKeys.itemPreview(org, dataset, item);
		this.jdbc
			.sql("insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, preview_key, "
					+ "created_at, created_by) values (?, ?, ?, ?, 'image', 'active', ?, now(), 'key-1')")
			.params(item, org, dataset, asset, preview)
			.update();
		for (int i = 1; i <= previewVersions; i++) {
			put(preview, "preview " + i + " of " + item);
		}
		this.vectors.upsert(COLLECTION, new VectorEntry(org, dataset, item, "image", new float[] { 1, 2, 3, 4 }));
		this.vectors.upsert(SECOND_COLLECTION, new VectorEntry(org, dataset, item, "audio", new float[] { 1, 0, 1 }));
		return item;
	}

	/**
	 * The items are deleted now, as a batch delete or a cascading asset delete leaves
	 * them.
	 */
	void deleteItems(List<UUID> items) {
		this.jdbc
			.sql("update catalog.items set status = 'deleted', deleted_at = now(), deleted_by = 'key-1' "
					+ "where id = any(?)")
			.param(items.toArray(UUID[]::new))
			.update();
	}

	/** What a forced delete of the asset leaves of its live referencing items. */
	void flagSourceDeleted(UUID asset) {
		this.jdbc.sql("update catalog.items set source_deleted = true where asset_id = ? and status = 'active'")
			.param(asset)
			.update();
	}

	/**
	 * An unfinished multipart upload of the asset's original, recorded in the catalog.
	 */
	String recordedUpload(UUID org, UUID asset) {
		String key = ObjectKeys.assetOriginal(org, asset);
		String upload = openUpload(key);
		this.jdbc
			.sql("insert into catalog.asset_uploads (asset_id, org_id, object_key, upload_id, created_at) "
					+ "values (?, ?, ?, ?, now())")
			.params(asset, org, key, upload)
			.update();
		this.jdbc
			.sql("insert into catalog.asset_upload_parts (asset_id, part_number, etag, size_bytes, sha256) "
					+ "values (?, 1, 'etag-1', 4, 'abcd')")
			.param(asset)
			.update();
		return upload;
	}

	/** An unfinished multipart upload, with one part sent. */
	String openUpload(String key) {
		String upload = this.objects.startMultipartUpload(key, "application/octet-stream");
		byte[] part = "part".getBytes(StandardCharsets.UTF_8);
		this.objects.uploadPart(key, upload, 1, new ByteArrayInputStream(part), part.length);
		return upload;
	}

	void shareLink(UUID org, UUID dataset) {
		this.jdbc
			.sql("insert into catalog.share_links (id, org_id, dataset_id, token_sha256, created_at, created_by) "
					+ "values (gen_random_uuid(), ?, ?, ?, now(), 'key-1')")
			.params(org, dataset, UUID.randomUUID().toString())
			.update();
	}

	void entityLink(UUID org, UUID asset) {
		UUID entity = UUID.randomUUID();
		this.jdbc
			.sql("insert into catalog.entities (id, org_id, name, created_at, created_by) "
					+ "values (?, ?, 'a logo', now(), 'key-1')")
			.params(entity, org)
			.update();
		this.jdbc
			.sql("insert into catalog.entity_assets (entity_id, asset_id, org_id, created_at) "
					+ "values (?, ?, ?, now())")
			.params(entity, asset, org)
			.update();
	}

	/** An object written whose catalog row never committed: the intent and the object. */
	void orphan(UUID org, String key) {
		orphan(org, key, Duration.ZERO);
	}

	/**
	 * An object whose write died {@code ago} (its row never committed): the intent and
	 * the object.
	 */
	void orphan(UUID org, String key, Duration ago) {
		intent(org, key, ago);
		put(key, "orphan");
	}

	/** The intent of an object write begun {@code ago}. */
	void intent(UUID org, String key, Duration ago) {
		this.jdbc
			.sql("insert into catalog.object_intents (object_key, org_id, created_at) "
					+ "values (?, ?, now() - ? * interval '1 second')")
			.params(key, org, ago.toSeconds())
			.update();
	}

	void put(String key, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		this.objects.put(key, new ByteArrayInputStream(bytes), bytes.length, "image/jpeg");
	}

	long versionsUnder(String prefix) {
		try (Stream<?> versions = this.objects.listVersions(prefix)) {
			return versions.count();
		}
	}

	long uploadsUnder(String prefix) {
		try (Stream<?> uploads = this.objects.listMultipartUploads(prefix)) {
			return uploads.count();
		}
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	String status(UUID dataset) {
		return this.jdbc.sql("select status from catalog.datasets where id = ?")
			.param(dataset)
			.query(String.class)
			.single();
	}

	private static void parallel(List<Runnable> tasks) {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			tasks.forEach((task) -> done.add(pool.submit(task)));
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Seeding failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
