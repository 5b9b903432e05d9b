package io.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.lethe.testkit.Api;
import tools.jackson.databind.JsonNode;

/**
 * Lethe's own purge of a seeded dataset, timed from the {@code DELETE} request
 * ({@code grace=PT0S}) to the deletion status {@code purged} (the worker publishes
 * {@code PurgeCompleted} in the same step). The status is polled every 20 ms (at 100 ms
 * the poll alone added 50 ms on average to a purge of well under a second), and once the
 * purge has run for more than two seconds every hundredth of the time so far, at most
 * every 200 ms: each poll costs the command service a status read on a machine of two
 * cores that the purge needs too, and the floor is not polled. The time each step is
 * first seen gives the per-store durations, to within a hundredth of the purge's time.
 * The worker's heap and RSS are sampled meanwhile, and its object-store requests by step
 * read before and after.
 */
final class LethePurge {

	/** The worker's object-store requests by purge step. */
	private static final String STORE_REQUESTS = "lethe_purge_store_requests_total";

	private static final long POLL_MILLIS = 20;

	private static final long POLL_MILLIS_MAX = 200;

	private LethePurge() {
	}

	static Map<String, Object> run(BenchStack stack, Service worker, Seeder.Seeded seeded, String orgKey) {
		return run(stack, worker, seeded, orgKey, false);
	}

	/**
	 * @param probeLiveHeap also count the worker's live heap with {@code jmap} every few
	 * seconds (a full collection each time, so not for the throughput runs)
	 */
	static Map<String, Object> run(BenchStack stack, Service worker, Seeder.Seeded seeded, String orgKey,
			boolean probeLiveHeap) {
		Api api = new Api(stack.api());
		Map<String, Double> stepSeen = new LinkedHashMap<>();
		Map<String, Double> requestsBefore = Prometheus.counter(worker.managementUrl(), STORE_REQUESTS);
		try (MemorySampler memory = new MemorySampler(worker, probeLiveHeap)) {
			double compiledBefore = worker.compilationSeconds();
			long start = System.nanoTime();
			Api.Response deleted = api.delete("/api/v1/datasets/" + seeded.dataset() + "?grace=PT0S", orgKey);
			if (deleted.status() != 200) {
				throw new IllegalStateException("DELETE failed: " + deleted);
			}
			JsonNode status;
			while (true) {
				status = api.get("/api/v1/datasets/" + seeded.dataset() + "/deletion", orgKey).json();
				double at = (System.nanoTime() - start) / 1e9;
				String state = status.path("state").asString("");
				JsonNode job = status.path("job");
				if (!job.isMissingNode() && !job.isNull()) {
					stepSeen.putIfAbsent(job.path("step").asString("start"), at);
					if ("failed".equals(job.path("state").asString(""))) {
						throw new IllegalStateException("The purge failed: " + job);
					}
				}
				if ("purged".equals(state)) {
					stepSeen.putIfAbsent("purged", at);
					break;
				}
				Bench.sleep(Math.max(POLL_MILLIS, Math.min(POLL_MILLIS_MAX, (long) (at * 10))));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("items", seeded.items());
			result.put("seconds", seconds);
			result.put("items_per_s", seeded.items() / seconds);
			JsonNode progress = status.path("progress");
			result.put("deleted",
					Map.of("vectors", progress.path("vectors").path("deleted").asLong(), "objects",
							progress.path("objects").path("deleted").asLong(), "rows",
							progress.path("rows").path("deleted").asLong()));
			result.put("step_first_seen_s", stepSeen);
			result.put("receipt_body_chars", status.path("receipt").path("body_text").asString("").length());
			result.put("per_store_per_s", perStore(stepSeen, progress));
			result.put("memory", memory.summary());
			// what the worker's JIT compiled meanwhile, on the cores the purge shares
			result.put("jit_seconds", worker.compilationSeconds() - compiledBefore);
			result.put("store_requests_by_step", Prometheus.requestsByStep(requestsBefore,
					Prometheus.counter(worker.managementUrl(), STORE_REQUESTS)));
			return result;
		}
	}

	/** Deletes per second of each store over the time its step was the current one. */
	private static Map<String, Double> perStore(Map<String, Double> seen, JsonNode progress) {
		Map<String, Double> rates = new LinkedHashMap<>();
		String[][] steps = { { "vectors", "vectors" }, { "objects", "objects" }, { "rows", "rows" } };
		for (String[] step : steps) {
			Double from = seen.get(step[0]);
			Double to = next(seen, step[0]);
			long count = progress.path(step[1]).path("deleted").asLong();
			if (from != null && to != null && to > from) {
				rates.put(step[1], count / (to - from));
			}
		}
		return rates;
	}

	private static Double next(Map<String, Double> seen, String step) {
		boolean found = false;
		for (Map.Entry<String, Double> entry : seen.entrySet()) {
			if (found) {
				return entry.getValue();
			}
			found = entry.getKey().equals(step);
		}
		return null;
	}

}
