package io.lethe.bench;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.testkit.Api;
import org.postgresql.PGConnection;

/**
 * Seeds a dataset straight through the stores, as the command service would have filled
 * them, only faster: item and asset rows by COPY, one 512-dimension vector per item
 * computed in the database, and per item a source object (every {@code extraEvery}-th
 * with a second version) and a preview.
 */
final class Seeder {

	static final int DIMENSION = 512;

	private static final int CHUNK = 10_000;

	private final BenchStack stack;

	private final Consumer<String> objects;

	/**
	 * @param objects writes one new version of a key (S3Mock through the SDK, or
	 * {@link MemS3#put} straight into memory)
	 */
	Seeder(BenchStack stack, Consumer<String> objects) {
		this.stack = stack;
		this.objects = objects;
	}

	/** Writes through an {@link ObjectStore}, for S3Mock. */
	static Consumer<String> through(ObjectStore store) {
		return (key) -> store.put(key, new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3, "application/octet-stream");
	}

	/** A new dataset of the org (through the API), seeded with {@code count} items. */
	Seeded dataset(String orgKey, UUID org, int count, int extraEvery, int putThreads) throws Exception {
		Api api = new Api(this.stack.api());
		Api.Response created = api.post("/api/v1/datasets", orgKey,
				Map.of("name", "bench_" + UUID.randomUUID().toString().replace("-", "")));
		if (created.status() != 201) {
			throw new IllegalStateException("Creating the bench dataset failed: " + created);
		}
		return seed(org, UUID.fromString(created.json().get("id").asString()), count, extraEvery, putThreads);
	}

	/**
	 * A dataset in an org of its own (written in SQL, no key needed), for the floor and
	 * the peers: their listings of the org's prefix then see nothing else.
	 */
	Seeded datasetInNewOrg(int count, int extraEvery, int putThreads) throws Exception {
		UUID org = UUID.randomUUID();
		UUID dataset = UUID.randomUUID();
		try (Connection connection = this.stack.db.connect()) {
			try (PreparedStatement insert = connection
				.prepareStatement("insert into catalog.orgs (id, name) values (?, ?)")) {
				insert.setObject(1, org);
				insert.setString(2, "bench_" + org);
				insert.executeUpdate();
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into catalog.datasets (id, org_id, name, encoder_name, allowed_asset_types,
					        keyframe_sampling_method, store_original, store_preview, status, created_dt, created_by)
					values (?, ?, ?, 'multimodal', '{image,video}', 'intelligent', true, true, 'active', now(), 'bench')
					""")) {
				insert.setObject(1, dataset);
				insert.setObject(2, org);
				insert.setString(3, "bench_" + dataset.toString().replace("-", ""));
				insert.executeUpdate();
			}
		}
		return seed(org, dataset, count, extraEvery, putThreads);
	}

	private Seeded seed(UUID org, UUID dataset, int count, int extraEvery, int putThreads) throws Exception {
		long start = System.nanoTime();
		long objectCount = 0;
		for (int done = 0; done < count; done += CHUNK) {
			int size = Math.min(CHUNK, count - done);
			List<UUID[]> ids = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				ids.add(new UUID[] { UUID.randomUUID(), UUID.randomUUID() });
			}
			rows(org, dataset, ids);
			objectCount += objects(org, dataset, ids, done, extraEvery, putThreads);
		}
		long rowsAndObjects = System.nanoTime() - start;
		vectors(dataset);
		return new Seeded(org, dataset, count, objectCount, count, (System.nanoTime() - start) / 1e9,
				rowsAndObjects / 1e9);
	}

	private void rows(UUID org, UUID dataset, List<UUID[]> ids) throws Exception {
		StringBuilder assets = new StringBuilder();
		StringBuilder items = new StringBuilder();
		for (UUID[] pair : ids) {
			UUID asset = pair[0];
			UUID item = pair[1];
			assets.append(asset)
				.append('\t')
				.append(org)
				.append("\tseed.png\timage/png\timage\t3\tsha256:00\t")
				.append(ObjectKeys.assetOriginal(org, asset))
				.append("\t")
				.append(dataset)
				.append("\tready\tnow\tbench\tnow\tbench\n");
			items.append(item)
				.append('\t')
				.append(org)
				.append('\t')
				.append(dataset)
				.append('\t')
				.append(asset)
				.append("\timage\tactive\t")
				.append(previewKey(org, dataset, item))
				.append("\tnow\tbench\n");
		}
		try (Connection connection = this.stack.db.connect()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn("copy catalog.assets (id, org_id, filename, content_type, asset_type, size_bytes, checksum, "
					+ "object_key, owner_dataset_id, status, created_at, created_by, updated_at, updated_by) from stdin",
					new StringReader(assets.toString()));
			copy.copyIn("copy catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, preview_key, "
					+ "created_at, created_by) from stdin", new StringReader(items.toString()));
		}
	}

	/**
	 * One vector per item of the dataset, computed in the database (no vector crosses the
	 * wire).
	 */
	private void vectors(UUID dataset) throws Exception {
		try (Connection connection = this.stack.db.connect(); PreparedStatement insert = connection.prepareStatement("""
				insert into vectors.e_multimodal (item_id, embedding_name, org_id, dataset_id, embedding)
				select s.id, 'multimodal', s.org_id, s.dataset_id,
				       (select array_agg(cos(s.seed + d * 0.37))::real[]::vector
				        from generate_series(1, %d) d)
				from (select id, org_id, dataset_id, random() * 1000 as seed
				      from catalog.items where dataset_id = ?) s
				""".formatted(DIMENSION))) {
			insert.setObject(1, dataset);
			insert.executeUpdate();
		}
	}

	private long objects(UUID org, UUID dataset, List<UUID[]> ids, int offset, int extraEvery, int threads)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicLong written = new AtomicLong();
		try {
			List<Future<?>> puts = new ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				UUID[] pair = ids.get(i);
				boolean extra = extraEvery > 0 && (offset + i) % extraEvery == 0;
				puts.add(pool.submit(() -> {
					String source = ObjectKeys.assetOriginal(org, pair[0]);
					put(source);
					if (extra) {
						put(source);
					}
					put(previewKey(org, dataset, pair[1]));
					written.addAndGet(extra ? 3 : 2);
				}));
			}
			for (Future<?> put : puts) {
				put.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return written.get();
	}

	private void put(String key) {
		this.objects.accept(key);
	}

	static String previewKey(UUID org, UUID dataset, UUID item) {
		return ObjectKeys.itemPreview(org, dataset, item);
	}

	/** What a seeding wrote, and how long it took. */
	record Seeded(UUID org, UUID dataset, long items, long objects, long vectors, double seconds,
			double rowsAndObjectsSeconds) {
	}

}
