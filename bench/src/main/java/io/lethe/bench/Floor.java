package io.lethe.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;

/**
 * The floor: the same deletes as a purge with the best batching and no bookkeeping (no
 * job, lease, checkpoint, fence, verification or receipt). One set-based DELETE for the
 * vectors; the org's whole prefix listed once (in the bench the org holds nothing but
 * this dataset, which Lethe cannot assume) into 1,000-key DeleteObjects with as many in
 * flight as the worker; one set-based DELETE per catalog table.
 */
final class Floor {

	private Floor() {
	}

	static Map<String, Object> run(BenchStack stack, ObjectStore objects, Seeder.Seeded seeded, int inFlight)
			throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		long start = System.nanoTime();
		long vectors;
		try (Connection connection = stack.db.connect();
				PreparedStatement delete = connection
					.prepareStatement("delete from vectors.e_multimodal where dataset_id = ?")) {
			delete.setObject(1, seeded.dataset());
			vectors = delete.executeUpdate();
		}
		double vectorSeconds = (System.nanoTime() - start) / 1e9;
		long objectsStart = System.nanoTime();
		// A listing that runs while its own keys are deleted may skip some (S3Mock does),
		// so
		// the floor lists again until the prefix is empty, as any correct purge must.
		long deleted = 0;
		int passes = 0;
		long pass;
		do {
			pass = deleteAll(objects, ObjectKeys.orgPrefix(seeded.org()), inFlight);
			deleted += pass;
			passes++;
		}
		while (pass > 0);
		double objectSeconds = (System.nanoTime() - objectsStart) / 1e9;
		long rowsStart = System.nanoTime();
		long rows = 0;
		try (Connection connection = stack.db.connect()) {
			connection.setAutoCommit(false);
			rows += update(connection, "delete from catalog.items where dataset_id = ?", seeded.dataset());
			rows += update(connection, "delete from catalog.assets where owner_dataset_id = ?", seeded.dataset());
			connection.commit();
		}
		double rowSeconds = (System.nanoTime() - rowsStart) / 1e9;
		double seconds = (System.nanoTime() - start) / 1e9;
		result.put("items", seeded.items());
		result.put("seconds", seconds);
		result.put("items_per_s", seeded.items() / seconds);
		result.put("deleted", Map.of("vectors", vectors, "objects", deleted, "rows", rows));
		result.put("listing_passes", passes);
		result.put("per_store_per_s", Map.of("vectors", vectors / vectorSeconds, "objects", deleted / objectSeconds,
				"rows", rows / rowSeconds));
		return result;
	}

	/**
	 * Every version under the prefix, in 1,000-key batches, {@code inFlight} at a time.
	 */
	static long deleteAll(ObjectStore objects, String prefix, int inFlight) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(inFlight);
		Semaphore slots = new Semaphore(inFlight);
		AtomicLong deleted = new AtomicLong();
		List<Future<?>> batches = new ArrayList<>();
		try (Stream<ObjectVersion> versions = objects.listVersions(prefix)) {
			List<ObjectVersion> batch = new ArrayList<>(ObjectStore.MAX_DELETE_BATCH);
			for (var it = versions.iterator(); it.hasNext();) {
				batch.add(it.next());
				if (batch.size() == ObjectStore.MAX_DELETE_BATCH || !it.hasNext()) {
					List<ObjectVersion> full = batch;
					batch = new ArrayList<>(ObjectStore.MAX_DELETE_BATCH);
					slots.acquire();
					batches.add(pool.submit(() -> {
						try {
							deleted.addAndGet(objects.deleteVersions(full));
						}
						finally {
							slots.release();
						}
					}));
				}
			}
			for (Future<?> future : batches) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return deleted.get();
	}

	private static int update(Connection connection, String sql, UUID id) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, id);
			return statement.executeUpdate();
		}
	}

}
