package io.lethe.bench;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.lethe.stores.object.S3ObjectStore;
import io.lethe.stores.object.S3Settings;

/**
 * Purge throughput. Lethe, the floor and the naive peer each get a dataset of their own,
 * seeded the same way, one after another in the same run, in three settings: the full
 * size against an in-memory S3 endpoint ({@link MemS3}, so the clients' own work shows);
 * a sample behind a delaying proxy (an emulated network round trip); a sample against
 * S3Mock (where its per-object work dominates), with awscli beside them.
 */
final class PurgeBenchmarks {

	/** Objects in flight, as the worker is configured ({@code objects-in-flight}). */
	private static final int IN_FLIGHT = 4;

	private static final int EXTRA_VERSION_EVERY = 10;

	private static final int PUT_THREADS = 16;

	private static final int WARM_UP_ITEMS = 100;

	/** Warm-up purges at least, and at most while the JIT still compiles. */
	private static final int MIN_WARM_UP_PURGES = 3;

	private static final int MAX_WARM_UP_PURGES = 40;

	/** Time for the warm-up, which would otherwise take the bench past its 20 minutes. */
	private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(30);

	private final BenchStack stack;

	private final Options options;

	private final UUID orgA;

	PurgeBenchmarks(BenchStack stack, Options options) {
		this.stack = stack;
		this.options = options;
		this.orgA = UUID.fromString(stack.orgId());
	}

	Map<String, Object> run() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		try (MemS3 mem = new MemS3(this.stack.s3.bucket())) {
			result.put("memory_s3", compare("in-memory S3", mem.endpoint(), mem::put, this.options.items(),
					this.options.sample(), false));
			try (DelayProxy proxy = new DelayProxy(mem.endpoint(), this.options.rttMillis())) {
				Map<String, Object> rtt = compare(this.options.rttMillis() + " ms round trip", proxy.endpoint(),
						mem::put, this.options.rttItems(), this.options.rttItems(), false);
				rtt.put("delay_ms_per_request", this.options.rttMillis());
				result.put("rtt", rtt);
			}
		}
		try (S3ObjectStore s3mock = store(this.stack.s3.endpoint())) {
			result.put("s3mock", compare("S3Mock", this.stack.s3.endpoint(), Seeder.through(s3mock),
					this.options.s3mockItems(), Math.max(1, this.options.s3mockItems() / 2), true));
		}
		finally {
			this.stack.stopWorker();
		}
		return result;
	}

	/**
	 * Lethe alone, at the full size against the in-memory endpoint: the worker's memory
	 * over a purge too large to seed three times ({@code --only memory}, with
	 * {@code --large} the 1,000,000-item run).
	 */
	Map<String, Object> letheOnly() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		try (MemS3 mem = new MemS3(this.stack.s3.bucket())) {
			Service worker = this.stack.startWorker(this.options.workerHeap(), mem.endpoint());
			Bench.progress("in-memory S3: seeding " + this.options.items() + " items for Lethe's purge");
			Seeder.Seeded lethe = new Seeder(this.stack, mem::put).dataset(this.stack.orgKey(), this.orgA,
					this.options.items(), EXTRA_VERSION_EVERY, PUT_THREADS);
			result.put("seed", lethe);
			this.stack.db.settle();
			Bench.progress("in-memory S3: seeded in " + round(lethe.seconds()) + " s; Lethe purges it");
			result.put("lethe", LethePurge.run(this.stack, worker, lethe, this.stack.orgKey(), true));
		}
		finally {
			this.stack.stopWorker();
		}
		return Map.of("memory_s3", result);
	}

	/**
	 * Lethe, the floor and the naive peer (and awscli) on datasets of {@code items} items
	 * ({@code sample} for the naive peer, extrapolated to {@code items}).
	 */
	private Map<String, Object> compare(String setting, URI endpoint, Consumer<String> objects, int items, int sample,
			boolean awscli) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		Seeder seeder = new Seeder(this.stack, objects);
		Service worker = this.stack.startWorker(this.options.workerHeap(), endpoint);
		try (S3ObjectStore store = store(endpoint)) {
			result.put("warm_up", warmUp(seeder, worker, setting));
			Bench.progress(setting + ": seeding " + items + " items for Lethe's purge");
			Seeder.Seeded lethe = seeder.dataset(this.stack.orgKey(), this.orgA, items, EXTRA_VERSION_EVERY,
					PUT_THREADS);
			result.put("seed", lethe);
			this.stack.db.settle();
			Bench.progress(setting + ": seeded in " + round(lethe.seconds()) + " s; Lethe purges it");
			result.put("lethe", LethePurge.run(this.stack, worker, lethe, this.stack.orgKey()));
			Bench.progress(setting + ": seeding " + items + " items for the floor");
			Seeder.Seeded floor = seeder.datasetInNewOrg(items, EXTRA_VERSION_EVERY, PUT_THREADS);
			this.stack.db.settle();
			Bench.progress(setting + ": the floor deletes them");
			double compiledBefore = JitWarmUp.ownCompilingSeconds();
			Map<String, Object> floorRun = Floor.run(this.stack, store, floor, IN_FLIGHT);
			floorRun.put("jit_seconds", JitWarmUp.ownCompilingSeconds() - compiledBefore);
			result.put("floor", floorRun);
			Bench.progress(setting + ": the naive peer on " + sample + " items");
			Seeder.Seeded naive = seeder.datasetInNewOrg(sample, EXTRA_VERSION_EVERY, PUT_THREADS);
			this.stack.db.settle();
			result.put("naive", NaivePeer.run(this.stack, endpoint, store, naive, items));
			if (awscli) {
				Bench.progress(setting + ": aws s3 rm --recursive on " + sample + " items");
				Seeder.Seeded cli = seeder.datasetInNewOrg(sample, 0, PUT_THREADS);
				result.put("awscli", AwsCli.run(this.stack, endpoint, cli, cli.objects()));
			}
		}
		result.putAll(PurgeRatios.of(result));
		return result;
	}

	/**
	 * Purges small datasets, one after another, until the worker's JIT compilers go quiet
	 * ({@link JitWarmUp}).
	 */
	private List<Map<String, Object>> warmUp(Seeder seeder, Service worker, String setting) throws Exception {
		Bench.progress(setting + ": warming the worker up on purges of " + WARM_UP_ITEMS
				+ " items until its JIT is quiet (at most 30 s)");
		return JitWarmUp.untilQuiet(List.of(worker), MIN_WARM_UP_PURGES, MAX_WARM_UP_PURGES, WARM_UP_BUDGET,
				"jit_seconds", () -> {
					Seeder.Seeded warmUp = seeder.dataset(this.stack.orgKey(), this.orgA, WARM_UP_ITEMS,
							EXTRA_VERSION_EVERY, PUT_THREADS);
					return LethePurge.run(this.stack, worker, warmUp, this.stack.orgKey()).get("seconds");
				});
	}

	private S3ObjectStore store(URI endpoint) {
		return new S3ObjectStore(new S3Settings(endpoint, null, this.stack.s3.bucket(), this.stack.s3.accessKey(),
				this.stack.s3.secretKey(), true, 32, null));
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
