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
 * {@code lethe_outbox_publish_lag_seconds} histogram.
 */
final class CommandBenchmarks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LAG_SECONDS = 15;

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
		Bench.progress("command path: pgbench, " + c + " clients, " + d + " s each");
		PgBench.prepare(this.stack.db, 100_000);
		result.put("pgbench_create", PgBench.run(this.stack.db, "create", c, d, 100_000, this.home));
		result.put("pgbench_delete", PgBench.run(this.stack.db, "delete", c, d, 100_000, this.home));
		// At the asked rate, and at half the delete throughput just measured: the lag of
		// a
		// service that keeps up, beside that of one that may not.
		int measured = (int) ((Number) ((Map<String, Object>) result.get("delete_dataset")).get("ok_per_s"))
			.doubleValue();
		result.put("outbox_lag", lag(this.options.lagRate(), lagIds));
		result.put("outbox_lag_half_capacity",
				lag(Math.max(10, measured / 2), datasets(Math.max(10, measured / 2) * (LAG_SECONDS + 2))));
		return result;
	}

	private Map<String, Object> lag(int rate, Path ids) throws Exception {
		Bench.progress("outbox lag at " + rate + " deletes/s for " + LAG_SECONDS + " s");
		Prometheus.Histogram before = Prometheus.histogram(this.stack.api(), "lethe_outbox_publish_lag_seconds");
		Map<String, Object> steady = load("delete", Math.max(this.options.concurrency(), 32), LAG_SECONDS, rate, ids);
		// the last events' acknowledgements
		Bench.sleep(3000);
		Prometheus.Histogram after = Prometheus.histogram(this.stack.api(), "lethe_outbox_publish_lag_seconds");
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

	@SuppressWarnings("unchecked")
	private Map<String, Object> load(String mode, int threads, int seconds, int rate, Path ids) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), LoadGenerator.class.getName(), this.stack.api(),
						this.stack.orgKey(), mode, String.valueOf(threads), String.valueOf(seconds),
						String.valueOf(rate), (ids != null) ? ids.toString() : "-"));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		if (process.waitFor() != 0 || output.isEmpty()) {
			throw new IllegalStateException("The load generator failed: " + output);
		}
		return JSON.readValue(output.substring(output.lastIndexOf('\n') + 1), Map.class);
	}

}
