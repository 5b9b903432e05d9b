package io.lethe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * The command path: {@code POST} and {@code DELETE /api/v1/datasets} under load from a
 * second process ({@link LoadGenerator}), beside pgbench running the bare equivalent
 * transaction at the same concurrency; then the outbox lag (commit to Kafka
 * acknowledgement) at a steady rate of deletes, from the command service's
 * {@code lethe_outbox_publish_lag_seconds} histogram. Beside both, the framework floor
 * ({@link FrameworkFloor}): the same stack around the bare transaction, same load, the
 * two taking turns.
 */
final class CommandBenchmarks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LAG_SECONDS = 15;

	/**
	 * Lethe and the floor take turns this many times, each round a share of the load's
	 * duration: on a shared 2-core machine whose speed drifts by the minute, one long run
	 * of each side measured the drift as much as the two stacks.
	 */
	private static final int ROUNDS = 3;

	/**
	 * Rows of the pgbench copy of the datasets: the floor deletes some, pgbench updates
	 * any.
	 */
	private static final int PGBENCH_ROWS = 100_000;

	private final BenchStack stack;

	private final Options options;

	private final Path home;

	CommandBenchmarks(BenchStack stack, Options options, Path home) {
		this.stack = stack;
		this.options = options;
		this.home = home;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> run() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		int c = this.options.concurrency();
		int d = this.options.durationSeconds();
		// Enough datasets for the fastest delete rate seen here several times over.
		int deletable = Math.max(20_000, 3_000 * d);
		Bench.progress("command path: " + deletable + " datasets to delete, a warm-up, then " + d + " s per load in "
				+ ROUNDS + " turns with the framework floor");
		Path deleteIds = datasets(deletable);
		Path lagIds = datasets(this.options.lagRate() * (LAG_SECONDS + 2));
		PgBench.prepare(this.stack.db, PGBENCH_ROWS);
		result.put("rate_limit", "raised to 1,000,000/s (LETHE_RATE_LIMIT, LETHE_RATE_BURST) for the bench");
		result.put("rounds", ROUNDS);
		try (Service floor = FrameworkFloor.start(this.stack, this.home)) {
			String lethe = this.stack.api();
			List<Path> letheIds = split(deleteIds, ROUNDS + 1);
			List<Path> floorIds = split(FrameworkFloor.ids(this.stack.db, Math.min(deletable, PGBENCH_ROWS), this.home),
					ROUNDS + 1);
			// Both warm (JIT, pools, caches) before anything is measured: the last
			// slice of ids is the warm-up's.
			for (String base : List.of(lethe, floor.baseUrl())) {
				load(base, "create", 8, 5, 0, null);
				load(base, "delete", 8, 3, 0, (base.equals(lethe) ? letheIds : floorIds).get(ROUNDS));
			}
			int slice = Math.max(3, d / ROUNDS);
			Bench.progress("command path: Lethe and the framework floor in turn, " + ROUNDS + " rounds of " + slice
					+ " s each, " + c + " clients");
			Map<String, List<Map<String, Object>>> rounds = new LinkedHashMap<>();
			for (String key : List.of("post_datasets", "floor_create", "delete_dataset", "floor_delete")) {
				rounds.put(key, new ArrayList<>());
			}
			for (int round = 0; round < ROUNDS; round++) {
				// Who goes first alternates, so a drift of the machine's speed over
				// the rounds weighs on both sides alike.
				boolean letheFirst = round % 2 == 0;
				for (boolean turn : List.of(letheFirst, !letheFirst)) {
					if (turn) {
						rounds.get("post_datasets").add(load(lethe, "create", c, slice, 0, null));
						rounds.get("delete_dataset").add(load(lethe, "delete", c, slice, 0, letheIds.get(round)));
					}
					else {
						rounds.get("floor_create").add(load(floor.baseUrl(), "create", c, slice, 0, null));
						rounds.get("floor_delete")
							.add(load(floor.baseUrl(), "delete", c, slice, 0, floorIds.get(round)));
					}
				}
			}
			rounds.forEach((key, load) -> result.put(key, merged(load)));
		}
		Bench.progress("command path: pgbench, " + c + " clients, " + d + " s each");
		result.put("pgbench_create", PgBench.run(this.stack.db, "create", c, d, PGBENCH_ROWS, this.home));
		result.put("pgbench_delete", PgBench.run(this.stack.db, "delete", c, d, PGBENCH_ROWS, this.home));
		result.put("create", ratios(result, "post_datasets", "floor_create", "pgbench_create"));
		result.put("delete", ratios(result, "delete_dataset", "floor_delete", "pgbench_delete"));
		// At the asked rate, and at half and nine tenths of the delete throughput just
		// measured (the goals' two loads): the lag of a service that keeps up, beside
		// that of one that may not.
		int measured = (int) ((Number) ((Map<String, Object>) result.get("delete_dataset")).get("ok_per_s"))
			.doubleValue();
		result.put("outbox_lag", lag(this.options.lagRate(), lagIds));
		int half = Math.max(10, measured / 2);
		result.put("outbox_lag_half_capacity", lag(half, datasets(half * (LAG_SECONDS + 2))));
		int most = Math.max(10, measured * 9 / 10);
		result.put("outbox_lag_90pct_capacity", lag(most, datasets(most * (LAG_SECONDS + 2))));
		return result;
	}

	/**
	 * One load's rounds as one: throughput over all of them, the median round's p50 and
	 * p99 (the generator reports no histogram to merge), and each round's throughput.
	 */
	static Map<String, Object> merged(List<Map<String, Object>> rounds) {
		Map<String, Object> merged = new LinkedHashMap<>(rounds.get(0));
		double seconds = rounds.stream().mapToDouble((r) -> number(r, "seconds")).sum();
		double requests = rounds.stream().mapToDouble((r) -> number(r, "requests")).sum();
		double ok = rounds.stream().mapToDouble((r) -> number(r, "ok")).sum();
		Map<String, Integer> statuses = new java.util.TreeMap<>();
		for (Map<String, Object> round : rounds) {
			@SuppressWarnings("unchecked")
			Map<String, Object> counts = (Map<String, Object>) round.get("statuses");
			counts.forEach((status, count) -> statuses.merge(status, ((Number) count).intValue(), Integer::sum));
		}
		merged.put("seconds", seconds);
		merged.put("requests", (long) requests);
		merged.put("ok", (long) ok);
		merged.put("statuses", statuses);
		merged.put("per_s", requests / seconds);
		merged.put("ok_per_s", ok / seconds);
		merged.put("p50_ms", median(rounds, "p50_ms"));
		merged.put("p99_ms", median(rounds, "p99_ms"));
		merged.put("max_ms", rounds.stream().mapToDouble((r) -> number(r, "max_ms")).max().orElse(0));
		merged.put("rounds_ok_per_s", rounds.stream().map((r) -> r.get("ok_per_s")).toList());
		return merged;
	}

	private static double median(List<Map<String, Object>> rounds, String key) {
		double[] values = rounds.stream().mapToDouble((r) -> number(r, key)).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/** The ids of a file in {@code parts} files of consecutive, disjoint slices. */
	private List<Path> split(Path ids, int parts) throws Exception {
		List<String> all = Files.readAllLines(ids);
		List<Path> files = new ArrayList<>(parts);
		int size = all.size() / parts;
		for (int part = 0; part < parts; part++) {
			Path file = Files.createTempFile(this.home, "ids-", ".txt");
			Files.write(file, all.subList(part * size, (part + 1) * size));
			files.add(file);
		}
		return files;
	}

	private Map<String, Object> lag(int rate, Path ids) throws Exception {
		Bench.progress("outbox lag at " + rate + " deletes/s for " + LAG_SECONDS + " s");
		Prometheus.Histogram before = Prometheus.histogram(this.stack.commandService.managementUrl(),
				"lethe_outbox_publish_lag_seconds");
		Map<String, Object> steady = load("delete", Math.max(this.options.concurrency(), 32), LAG_SECONDS, rate, ids);
		// the last events' acknowledgements
		Bench.sleep(3000);
		Prometheus.Histogram after = Prometheus.histogram(this.stack.commandService.managementUrl(),
				"lethe_outbox_publish_lag_seconds");
		Map<String, Object> lag = new LinkedHashMap<>();
		lag.put("target_per_s", rate);
		lag.put("load", steady);
		lag.putAll(after.minus(before).summary());
		return lag;
	}

	/** Active datasets of org A written in SQL, their ids in a file. */
	private Path datasets(int count) throws Exception {
		List<String> ids = new ArrayList<>(count);
		try (Connection connection = this.stack.db.connect(); PreparedStatement insert = connection.prepareStatement("""
				insert into catalog.datasets (id, org_id, name, encoder_name, allowed_asset_types,
				    keyframe_sampling_method, store_original, store_preview, status, created_dt, created_by)
				select gen_random_uuid(), ?, 'del_' || replace(gen_random_uuid()::text, '-', ''), 'multimodal',
				    '{image,video}', 'intelligent', true, true, 'active', now(), 'bench'
				from generate_series(1, ?) returning id
				""")) {
			insert.setObject(1, UUID.fromString(this.stack.orgId()));
			insert.setInt(2, count);
			try (ResultSet rs = insert.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
		}
		Path file = Files.createTempFile(this.home, "ids-", ".txt");
		Files.write(file, ids);
		return file;
	}

	/**
	 * Lethe over the framework floor and over pgbench for one command: throughput ratios,
	 * and Lethe's p99 over the floor's.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> ratios(Map<String, Object> result, String lethe, String floor, String pgbench) {
		Map<String, Object> l = (Map<String, Object>) result.get(lethe);
		Map<String, Object> f = (Map<String, Object>) result.get(floor);
		Map<String, Object> p = (Map<String, Object>) result.get(pgbench);
		Map<String, Object> ratios = new LinkedHashMap<>();
		ratios.put("lethe_over_framework_floor", number(l, "ok_per_s") / number(f, "ok_per_s"));
		ratios.put("p99_over_framework_floor", number(l, "p99_ms") / number(f, "p99_ms"));
		if (p.get("tps") instanceof Number tps) {
			ratios.put("lethe_over_pgbench", number(l, "ok_per_s") / tps.doubleValue());
			ratios.put("framework_floor_over_pgbench", number(f, "ok_per_s") / tps.doubleValue());
		}
		return ratios;
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

	private Map<String, Object> load(String mode, int threads, int seconds, int rate, Path ids) throws Exception {
		return load(this.stack.api(), mode, threads, seconds, rate, ids);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> load(String base, String mode, int threads, int seconds, int rate, Path ids)
			throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), LoadGenerator.class.getName(), base, this.stack.orgKey(),
						mode, String.valueOf(threads), String.valueOf(seconds), String.valueOf(rate),
						(ids != null) ? ids.toString() : "-"));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		if (process.waitFor() != 0 || output.isEmpty()) {
			throw new IllegalStateException("The load generator failed: " + output);
		}
		return JSON.readValue(output.substring(output.lastIndexOf('\n') + 1), Map.class);
	}

}
