package io.lethe.bench;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

	/**
	 * From this many vectors seeded at once, the HNSW index is built after the insert
	 * rather than during it: one by one, 100,000 vectors of 512 dimensions took about two
	 * minutes to insert on the project's machine; inserted first and indexed in one
	 * build, 37 s. The purge meets the same index either way.
	 */
	static final int VECTORS_IN_BULK = 10_000;

	/**
	 * Room for the build's graph: 100,000 vectors of 512 dimensions fit it. A larger
	 * collection spills to the index's pages and still builds.
	 */
	private static final String BUILD_MEMORY = "1GB";

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
		return datasets(orgKey, org, 1, count, extraEvery, putThreads).get(0);
	}

	private static UUID create(Api api, String orgKey) {
		Api.Response created = api.post("/api/v1/datasets", orgKey,
				Map.of("name", "bench_" + UUID.randomUUID().toString().replace("-", "")));
		if (created.status() != 201) {
			throw new IllegalStateException("Creating a bench dataset failed: " + created);
		}
		return UUID.fromString(created.json().get("id").asString());
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
		return seed(org, List.of(dataset), count, extraEvery, putThreads).get(0);
	}

	/**
	 * {@code datasets} new datasets of the org (through the API), each seeded with
	 * {@code count} items, their vectors inserted together. Each {@link Seeded}'s
	 * {@code seconds} is the whole group's.
	 */
	List<Seeded> datasets(String orgKey, UUID org, int datasets, int count, int extraEvery, int putThreads)
			throws Exception {
		Api api = new Api(this.stack.api());
		List<UUID> ids = new ArrayList<>(datasets);
		for (int i = 0; i < datasets; i++) {
			ids.add(create(api, orgKey));
		}
		return seed(org, ids, count, extraEvery, putThreads);
	}

	private List<Seeded> seed(UUID org, List<UUID> datasets, int count, int extraEvery, int putThreads)
			throws Exception {
		long start = System.nanoTime();
		List<long[]> written = new ArrayList<>(datasets.size());
		for (UUID dataset : datasets) {
			long began = System.nanoTime();
			long objects = rowsAndObjects(org, dataset, count, extraEvery, putThreads);
			written.add(new long[] { objects, System.nanoTime() - began });
		}
		vectors(datasets, (long) datasets.size() * count);
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Seeded> seeded = new ArrayList<>(datasets.size());
		for (int i = 0; i < datasets.size(); i++) {
			seeded.add(new Seeded(org, datasets.get(i), count, written.get(i)[0], count, seconds,
					written.get(i)[1] / 1e9));
		}
		return seeded;
	}

	/**
	 * The dataset's item and asset rows and its objects; the number of object versions.
	 */
	private long rowsAndObjects(UUID org, UUID dataset, int count, int extraEvery, int putThreads) throws Exception {
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
		return objectCount;
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
	 * One vector per item of the datasets, computed in the database (no vector crosses
	 * the wire). From {@link #VECTORS_IN_BULK} vectors on, the collection's HNSW index is
	 * dropped first and built again after the insert.
	 */
	private void vectors(List<UUID> datasets, long count) throws Exception {
		try (Connection connection = this.stack.db.connect()) {
			List<String> dropped = (count >= VECTORS_IN_BULK) ? dropHnswIndexes(connection) : List.of();
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into vectors.e_multimodal (item_id, embedding_name, org_id, dataset_id, embedding)
					select s.id, 'multimodal', s.org_id, s.dataset_id,
					       (select array_agg(cos(s.seed + d * 0.37))::real[]::vector
					        from generate_series(1, %d) d)
					from (select id, org_id, dataset_id, random() * 1000 as seed
					      from catalog.items where dataset_id = any(?)) s
					""".formatted(DIMENSION))) {
				insert.setArray(1, connection.createArrayOf("uuid", datasets.toArray()));
				insert.executeUpdate();
			}
			for (String definition : dropped) {
				buildIndex(connection, definition);
			}
		}
	}

	/** The definitions of the HNSW indexes of the collection, which are dropped. */
	private static List<String> dropHnswIndexes(Connection connection) throws SQLException {
		List<String> definitions = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet indexes = statement.executeQuery("""
				select format('%I.%I', schemaname, indexname), indexdef from pg_indexes
				where schemaname = 'vectors' and tablename = 'e_multimodal' and indexdef ilike '% using hnsw %'
				""")) {
			List<String> names = new ArrayList<>();
			while (indexes.next()) {
				names.add(indexes.getString(1));
				definitions.add(indexes.getString(2));
			}
			for (String name : names) {
				statement.execute("drop index " + name);
			}
		}
		return definitions;
	}

	/**
	 * Builds an index in memory, in parallel where the server's shared memory allows it
	 * (a container's default /dev/shm of 64 MB may not), serially otherwise.
	 */
	private static void buildIndex(Connection connection, String definition) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set maintenance_work_mem = '" + BUILD_MEMORY + "'");
			try {
				statement.execute(definition);
			}
			catch (SQLException ex) {
				Bench.progress("building the vectors' index in parallel failed (" + ex.getMessage()
						+ "); building it serially");
				statement.execute("set max_parallel_maintenance_workers = 0");
				statement.execute(definition);
			}
			statement.execute("reset maintenance_work_mem");
			statement.execute("reset max_parallel_maintenance_workers");
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
