package io.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench running the bare equivalent of a command's transaction at the same concurrency:
 * for a delete, UPDATE the dataset + INSERT the outbox row (with its NOTIFY trigger); for
 * a create, INSERT the dataset. It works on copies of the two tables (schema
 * {@code pgbench}, same columns, indexes and trigger), so the command service's relay
 * never sees its rows. Latencies come from pgbench's per-transaction log.
 */
final class PgBench {

	private static final String DELETE = """
			\\set n random(1, :count)
			BEGIN;
			UPDATE pgbench.datasets SET status = 'pending_deletion', deleted_dt = now(), deleted_by = 'bench',
			    expires_at = now() + interval '1 day', updated_dt = now(), updated_by = 'bench' WHERE n = :n;
			INSERT INTO pgbench.outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload)
			    VALUES (gen_random_uuid(), 'dataset', gen_random_uuid(), 'DatasetDeletionRequested', 'lethe.deletions',
			            '\\xc3010000000000000000'::bytea);
			END;
			""";

	private static final String CREATE = """
			INSERT INTO pgbench.datasets (id, org_id, name, encoder_name, allowed_asset_types, keyframe_sampling_method,
			    store_original, store_preview, status, created_dt, created_by)
			    VALUES (gen_random_uuid(), (SELECT id FROM catalog.orgs LIMIT 1), 'pg_' || md5(random()::text),
			            'multimodal', '{image,video}', 'intelligent', true, true, 'active', now(), 'bench');
			""";

	private PgBench() {
	}

	static void prepare(BenchDatabase db, int rows) throws Exception {
		try (Connection connection = db.connect()) {
			prepare(connection, rows);
		}
	}

	/**
	 * The copies of the two tables with {@code rows} active datasets (numbered {@code n},
	 * from 1), on a database whose catalog schema exists and has an org.
	 */
	static void prepare(Connection connection, int rows) throws Exception {
		try (Statement sql = connection.createStatement()) {
			sql.execute("create schema if not exists pgbench");
			sql.execute("create table pgbench.datasets (like catalog.datasets including all)");
			sql.execute("alter table pgbench.datasets add column n serial");
			sql.execute("create unique index on pgbench.datasets (n)");
			sql.execute("create table pgbench.outbox (like catalog.outbox including all)");
			sql.execute("create trigger outbox_inserted after insert on pgbench.outbox for each statement "
					+ "execute function catalog.outbox_notify()");
			sql.execute("""
					insert into pgbench.datasets (id, org_id, name, encoder_name, allowed_asset_types,
					    keyframe_sampling_method, store_original, store_preview, status, created_dt, created_by)
					select gen_random_uuid(), (select id from catalog.orgs limit 1), 'pgs_' || g, 'multimodal',
					    '{image,video}', 'intelligent', true, true, 'active', now(), 'bench'
					from generate_series(1, %d) g
					""".formatted(rows));
			sql.execute("vacuum analyze pgbench.datasets");
		}
	}

	/** One pgbench run of the delete or create script; null when pgbench is missing. */
	static Map<String, Object> run(BenchDatabase db, String mode, int clients, int seconds, int rows, Path work)
			throws IOException, InterruptedException {
		Path script = work.resolve("pgbench-" + mode + ".sql");
		Files.writeString(script, "delete".equals(mode) ? DELETE : CREATE);
		Path logs = Files.createDirectories(work.resolve("pgbench-log-" + mode));
		List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", db.host(), "-p", db.port(), "-U",
				db.user(), "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-M", "prepared",
				"-D", "count=" + rows, "-f", script.toString(), "-l", "--log-prefix=" + logs.resolve("tx"), db.name()));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return Map.of("skipped", "pgbench not installed: " + ex.getMessage());
		}
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
			return Map.of("failed", output);
		}
		List<Long> micros = new ArrayList<>();
		try (var files = Files.list(logs)) {
			for (Path file : files.toList()) {
				for (String line : Files.readAllLines(file)) {
					String[] fields = line.split(" ");
					if (fields.length > 2) {
						micros.add(Long.parseLong(fields[2]));
					}
				}
			}
		}
		micros.sort(null);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("clients", clients);
		result.put("transactions", micros.size());
		result.put("tps", number(output, "tps = ([0-9.]+)"));
		result.put("p50_ms", percentile(micros, 0.50));
		result.put("p99_ms", percentile(micros, 0.99));
		result.put("script", "delete".equals(mode) ? "UPDATE dataset + INSERT outbox" : "INSERT dataset");
		return result;
	}

	private static double percentile(List<Long> sorted, double q) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1000.0;
	}

	private static Double number(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : null;
	}

}
