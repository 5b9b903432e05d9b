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
 * ({@link FrameworkFloor}): the same stack around the bare transaction, same load.
 */
final class CommandBenchmarks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LAG_SECONDS = 15;

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
		Bench.progress("command path: " + deletable + " datasets to delete, a warm-up, then " + d + " s per load");
		Path deleteIds = datasets(deletable);
		Path lagIds = datasets(this.options.lagRate() * (LAG_SECONDS + 2));
		load("create", 8, 5, 0, null);
		result.put("rate_limit", "raised to 1,000,000/s (LETHE_RATE_LIMIT, LETHE_RATE_BURST) for the bench");
		result.put("post_datasets", load("create", c, d, 0, null));
		result.put("delete_dataset", load("delete", c, d, 0, deleteIds));
		PgBench.prepare(this.stack.db, PGBENCH_ROWS);
		Bench.progress("command path: the framework floor, " + c + " clients, " + d + " s each");
		try (Service floor = FrameworkFloor.start(this.stack, this.home)) {
			Path floorIds = FrameworkFloor.ids(this.stack.db, Math.min(deletable, PGBENCH_ROWS), this.home);
			load(floor.baseUrl(), "create", 8, 5, 0, null);
			result.put("floor_create", load(floor.baseUrl(), "create", c, d, 0, null));
			result.put("floor_delete", load(floor.baseUrl(), "delete", c, d, 0, floorIds));
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
