package io.lethe.purge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.vector.VectorEntry;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live data and the leftovers the reconciler looks for, each made the way it arises: a
 * process killed between an object's write and its row's commit (the object and its
 * intent), an owner purged while a stray object survived (an object and no row), an
 * upload started but never recorded or never finished, a second write of a live key, a
 * vector whose item row is gone.
 */
final class Leftovers {

	/**
	 * A collection of the reconciler's tests only, so that its space is theirs to see.
	 */
	static final String COLLECTION = "e_reconcile_test";

	private final JdbcClient jdbc;

	private final ObjectStore objects;

	private final VectorIndex vectors;

	private final Catalog catalog;

	private final UUID org;

	Leftovers(JdbcClient jdbc, ObjectStore objects, VectorIndex vectors, Catalog catalog, UUID org) {
		this.jdbc = jdbc;
		this.objects = objects;
		this.vectors = vectors;
		this.catalog = catalog;
		this.org = org;
		vectors.ensureCollection(COLLECTION, 2);
	}

	/** A ready asset with random bytes; its key and their SHA-256. */
	Map.Entry<String, String> liveAsset(UUID ownerDataset) {
		UUID asset = UUID.randomUUID();
		String key = ObjectKeys.assetOriginal(this.org, asset);
		byte[] content = random();
		this.jdbc.sql("""
				insert into catalog.assets (id, org_id, filename, content_type, asset_type, size_bytes, checksum,
				        object_key, owner_dataset_id, status, created_at, created_by, updated_at, updated_by)
				values (?, ?, 'clip.bin', 'application/octet-stream', 'video', ?, ?, ?, ?, 'ready', now(), 'key-1',
				        now(), 'key-1')
				""").params(asset, this.org, content.length, "sha256:" + sha256(content), key, ownerDataset).update();
		put(key, content);
		return Map.entry(key, sha256(content));
	}

	/** Active items of the dataset, each with a preview of random bytes and a vector. */
	Map<String, String> liveItems(UUID dataset, int count) {
		Map<String, String> previews = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			UUID item = UUID.randomUUID();
			String key = ObjectKeys.itemPreview(this.org, dataset, item);
			this.jdbc.sql("""
					insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, preview_key,
					        created_at, created_by)
					values (?, ?, ?, gen_random_uuid(), 'image', 'active', ?, now(), 'key-1')
					""").params(item, this.org, dataset, key).update();
			byte[] content = random();
			put(key, content);
			this.vectors.upsert(COLLECTION, new VectorEntry(this.org, dataset, item, "image", new float[] { 1, 0 }));
			previews.put(key, sha256(content));
		}
		return previews;
	}

	/** The process died after writing the object, before committing its row. */
	String uncommitted(String key) {
		this.catalog.orphan(this.org, key);
		return key;
	}

	/** An object whose owner row is gone (or never was), with no intent. */
	String unowned(String key) {
		put(key, random());
		return key;
	}

	/** An unowned key deleted plainly: one version under a delete marker. */
	String unownedUnderAMarker(String key) {
		put(key, random());
		this.objects.deleteVersions(List.of(new ObjectVersion(key, null, false, 0, null)));
		return key;
	}

	/** A live key written again (a retried write): its first version is extra. */
	void writtenAgain(String key, byte[] current) {
		put(key, current);
	}

	/** An intent whose write never stored anything. */
	String staleIntent(String key) {
		this.jdbc.sql("insert into catalog.object_intents (object_key, org_id, created_at) values (?, ?, now())")
			.params(key, this.org)
			.update();
		return key;
	}

	/** A multipart upload started in the store; the process died before recording it. */
	String unrecordedUpload() {
		String key = ObjectKeys.assetOriginal(this.org, UUID.randomUUID());
		return key + "?uploadId=" + this.catalog.openUpload(key);
	}

	/**
	 * An upload recorded {@code ago} by the catalog, for an asset still
	 * {@code uploading}.
	 * @return the asset
	 */
	UUID recordedUpload(Duration ago) {
		UUID asset = UUID.randomUUID();
		String key = ObjectKeys.assetOriginal(this.org, asset);
		this.jdbc.sql("""
				insert into catalog.assets (id, org_id, filename, content_type, asset_type, object_key, status,
				        created_at, created_by, updated_at, updated_by)
				values (?, ?, 'big.mp4', 'video/mp4', 'video', ?, 'uploading', now(), 'key-1', now(), 'key-1')
				""").params(asset, this.org, key).update();
		this.catalog.recordedUpload(this.org, asset);
		this.jdbc.sql("update catalog.asset_uploads set created_at = ? where asset_id = ?")
			.params(Instant.now().minus(ago).atOffset(ZoneOffset.UTC), asset)
			.update();
		return asset;
	}

	/** Vectors of items whose rows are gone (or never were). */
	void orphanVectors(UUID dataset, int count) {
		this.jdbc
			.sql("insert into vectors." + COLLECTION + " (item_id, embedding_name, org_id, dataset_id, embedding) "
					+ "select gen_random_uuid(), 'image', ?, ?, cast(array[random(), random()] as vector) "
					+ "from generate_series(1, ?)")
			.params(this.org, dataset, count)
			.update();
	}

	long versions(String key) {
		try (Stream<ObjectVersion> versions = this.objects.listVersions(key)) {
			return versions.filter((version) -> version.key().equals(key)).count();
		}
	}

	/** When the key's newest entry was written, as the store's listing says. */
	Instant lastModified(String key) {
		try (Stream<ObjectVersion> versions = this.objects.listVersions(key)) {
			return versions.filter((version) -> version.key().equals(key))
				.map(ObjectVersion::lastModified)
				.max(Instant::compareTo)
				.orElseThrow();
		}
	}

	/** The SHA-256 of the key's current bytes, or null when it has none. */
	String checksum(String key) {
		try (InputStream in = this.objects.get(key).orElse(null)) {
			return (in != null) ? sha256(in.readAllBytes()) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] random() {
		byte[] bytes = new byte[ThreadLocalRandom.current().nextInt(1, 32 * 1024)];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void put(String key, byte[] content) {
		this.objects.put(key, new ByteArrayInputStream(content), content.length, "application/octet-stream");
	}

}
