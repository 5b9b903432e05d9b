package io.lethe.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lethe.stores.object.S3ObjectStore;
import io.lethe.stores.object.S3Settings;

/**
 * Purge throughput: Lethe, the floor, the naive peer and awscli, each on a dataset of its
 * own seeded the same way, one after another in the same run; then Lethe, the floor and
 * the naive peer again behind a delaying proxy (an emulated network round trip).
 */
final class PurgeBenchmarks {

	/** Objects in flight, as the worker is configured ({@code objects-in-flight}). */
	private static final int IN_FLIGHT = 4;

	private static final int EXTRA_VERSION_EVERY = 10;

	private final BenchStack stack;

	private final Options options;

	PurgeBenchmarks(BenchStack stack, Options options) {
		this.stack = stack;
		this.options = options;
	}

	Map<String, Object> run() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		UUID orgA = UUID.fromString(this.stack.orgId());
		UUID orgB = UUID.fromString(this.stack.keys.getProperty("LETHE_ORG_B_ID"));
		String keyA = this.stack.orgKey();
		String keyB = this.stack.keys.getProperty("LETHE_ORG_B_KEY");
		URI direct = this.stack.s3.endpoint();
		try (S3ObjectStore objects = store(direct)) {
			Seeder seeder = new Seeder(this.stack, objects);
			Service worker = this.stack.startWorker(this.options.workerHeap(), direct);
			Map<String, Object> loopback = new LinkedHashMap<>();
			Bench.progress("seeding " + this.options.items() + " items for Lethe's purge");
			Seeder.Seeded lethe = seeder.dataset(keyA, orgA, this.options.items(), EXTRA_VERSION_EVERY, 16);
			loopback.put("seed", lethe);
			Bench.progress("seeded in " + round(lethe.seconds()) + " s; Lethe purges it");
			loopback.put("lethe", LethePurge.run(this.stack, worker, lethe, keyA));
			Bench.progress("seeding " + this.options.items() + " items for the floor");
			Seeder.Seeded floor = seeder.dataset(keyB, orgB, this.options.items(), EXTRA_VERSION_EVERY, 16);
			Bench.progress("the floor deletes them");
			loopback.put("floor", Floor.run(this.stack, objects, floor, IN_FLIGHT));
			Bench.progress("the naive peer on " + this.options.sample() + " items");
			Seeder.Seeded naive = seeder.dataset(keyB, orgB, this.options.sample(), EXTRA_VERSION_EVERY, 16);
			loopback.put("naive", NaivePeer.run(this.stack, direct, objects, naive, this.options.items()));
			Bench.progress("aws s3 rm --recursive on " + this.options.sample() + " items");
			Seeder.Seeded cli = seeder.dataset(keyB, orgB, this.options.sample(), 0, 16);
			loopback.put("awscli", AwsCli.run(this.stack, direct, cli, cli.objects()));
			result.put("loopback", loopback);
			result.put("rtt", rtt(seeder, orgA, orgB, keyA, keyB));
		}
		finally {
			this.stack.stopWorker();
		}
		return result;
	}

	private Map<String, Object> rtt(Seeder seeder, UUID orgA, UUID orgB, String keyA, String keyB) throws Exception {
		Map<String, Object> rtt = new LinkedHashMap<>();
		rtt.put("delay_ms_per_request", this.options.rttMillis());
		int items = this.options.rttItems();
		try (DelayProxy proxy = new DelayProxy(this.stack.s3.endpoint(), this.options.rttMillis());
				S3ObjectStore delayed = store(proxy.endpoint())) {
			Service worker = this.stack.startWorker(this.options.workerHeap(), proxy.endpoint());
			Bench.progress("emulated round trip of " + this.options.rttMillis() + " ms: Lethe on " + items + " items");
			Seeder.Seeded lethe = seeder.dataset(keyA, orgA, items, EXTRA_VERSION_EVERY, 16);
			rtt.put("lethe", LethePurge.run(this.stack, worker, lethe, keyA));
			Bench.progress("emulated round trip: the floor");
			Seeder.Seeded floor = seeder.dataset(keyB, orgB, items, EXTRA_VERSION_EVERY, 16);
			rtt.put("floor", Floor.run(this.stack, delayed, floor, IN_FLIGHT));
			Bench.progress("emulated round trip: the naive peer");
			Seeder.Seeded naive = seeder.dataset(keyB, orgB, items, EXTRA_VERSION_EVERY, 16);
			rtt.put("naive", NaivePeer.run(this.stack, proxy.endpoint(), delayed, naive, items));
		}
		return rtt;
	}

	private S3ObjectStore store(URI endpoint) {
		return new S3ObjectStore(new S3Settings(endpoint, null, this.stack.s3.bucket(), this.stack.s3.accessKey(),
				this.stack.s3.secretKey(), true, 32));
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
