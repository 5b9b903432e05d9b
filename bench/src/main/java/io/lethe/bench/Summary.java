package io.lethe.bench;

import java.util.List;
import java.util.Map;

/** The one-screen summary of a run's results, with the ratios against the goals. */
final class Summary {

	private final StringBuilder text = new StringBuilder();

	private Summary() {
	}

	static String of(Map<String, Object> results) {
		Summary summary = new Summary();
		summary.write(results);
		return summary.text.toString();
	}

	@SuppressWarnings("unchecked")
	private void write(Map<String, Object> results) {
		Map<String, Object> machine = map(results.get("machine"));
		line("Lethe bench, %s cores, %.1f GiB, %s; load at start %s; %.0f s in all", machine.get("cores"),
				num(machine.get("mem_total_gib")), machine.get("cpu"), machine.get("load_average_at_start"),
				num(results.get("total_seconds")));
		if (results.containsKey("error")) {
			line("FAILED: %s", results.get("error"));
		}
		Map<String, Object> purge = map(results.get("purge"));
		if (purge != null) {
			section(purge, "memory_s3", "in-memory S3 on loopback (the clients' own work)");
			if (purge.containsKey("rtt")) {
				section(purge, "rtt", "in-memory S3 behind a " + map(purge.get("rtt")).get("delay_ms_per_request")
						+ " ms/request delaying proxy (an emulated network round trip)");
			}
			section(purge, "s3mock", "S3Mock on loopback (its per-object work dominates)");
			Map<String, Object> memory = map(map(map(purge.get("memory_s3")).get("lethe")).get("memory"));
			// Micrometer's live data is set by collections of the old generation;
			// a purge of a few seconds may see none.
			double live = num(memory.get("peak_live_after_gc_mib"));
			line("Worker memory (-Xmx%s) over the full-size purge: peak heap used %.0f MiB (%s), peak RSS %.0f MiB",
					map(results.get("options")).get("worker_heap"), num(memory.get("peak_heap_used_mib")),
					(live > 0) ? "live after GC %.0f MiB".formatted(live)
							: "no collection of the old generation measured its live data",
					num(memory.get("peak_rss_mib")));
			if (memory.containsKey("peak_live_counted_mib")) {
				line("Worker live heap counted by jmap -histo:live every 5 s: at most %.0f MiB",
						num(memory.get("peak_live_counted_mib")));
			}
			if (memory.containsKey("cpu_seconds")) {
				line("Worker CPU over that purge: %.0f s (%.2f ms per item); GC: %.0f pauses, %.1f s",
						num(memory.get("cpu_seconds")),
						num(memory.get("cpu_seconds")) * 1000
								/ num(map(map(purge.get("memory_s3")).get("lethe")).get("items")),
						num(memory.get("gc_pauses")), num(memory.get("gc_pause_seconds")));
			}
		}
		scaleOut(map(results.get("scaleout")));
		scaleOutLarge(map(results.get("scaleout_large")));
		Map<String, Object> command = map(results.get("command"));
		if (command != null) {
			line("");
			line("Command path, %s clients each (%s)", map(command.get("post_datasets")).get("threads"),
					command.get("rate_limit"));
			line("  %-44s %9s %8s %8s", "", "req/s", "p50 ms", "p99 ms");
			compareLoad(command, "POST /api/v1/datasets", "post_datasets", "floor_create", "pgbench_create", "create");
			compareLoad(command, "DELETE /api/v1/datasets/{id}", "delete_dataset", "floor_delete", "pgbench_delete",
					"delete");
			lag(map(command.get("outbox_lag")));
			lag(map(command.get("outbox_lag_half_capacity")));
			if (command.get("outbox_lag_90pct_capacity") != null) {
				lag(map(command.get("outbox_lag_90pct_capacity")));
			}
		}
	}

	private void scaleOut(Map<String, Object> scaleOut) {
		if (scaleOut == null) {
			return;
		}
		line("");
		line("Scale-out: %s datasets of %,d items purged at once, %s ms/request round trip", scaleOut.get("datasets"),
				num(scaleOut.get("items_per_dataset")).longValue(), scaleOut.get("delay_ms_per_request"));
		for (String workers : new String[] { "1", "2", "4" }) {
			Map<String, Object> run = map(scaleOut.get("workers_" + workers));
			if (run != null) {
				line("  %s worker(s): %8.0f items/s, %6.1f s (first purged at %.1f s); jobs ended per worker %s",
						workers, num(run.get("items_per_s")), num(run.get("seconds")), num(run.get("first_purged_s")),
						run.get("jobs_per_worker"));
				listedPerDeleted(run);
				scaleOutWarmUp(run.get("warm_up"));
			}
		}
		line("  2 workers / 1 = %.2f (goal >= 1.7)   4 workers / 1 = %.2f (goal >= 3)",
				num(scaleOut.get("workers_2_over_1")), num(scaleOut.get("workers_4_over_1")));
	}

	private void listedPerDeleted(Map<String, Object> run) {
		if (run.get("versions_listed") != null) {
			line("    object versions listed %,d for %,d deleted (%.1f listed per deleted)",
					num(run.get("versions_listed")).longValue(), num(run.get("versions_deleted")).longValue(),
					num(run.get("versions_listed_per_deleted")));
		}
	}

	private void scaleOutLarge(Map<String, Object> large) {
		if (large == null) {
			return;
		}
		line("");
		line("Scale-out, one large dataset: %,d items, %s ms/request round trip", num(large.get("items")).longValue(),
				large.get("delay_ms_per_request"));
		for (String workers : new String[] { "1", "2", "4" }) {
			Map<String, Object> run = map(large.get("workers_" + workers));
			if (run != null) {
				line("  %s worker(s): %8.0f items/s, %6.1f s; shards emptied per worker %s", workers,
						num(run.get("items_per_s")), num(run.get("seconds")), run.get("shards_per_worker"));
				listedPerDeleted(run);
				scaleOutWarmUp(run.get("warm_up"));
			}
		}
		line("  2 workers / 1 = %.2f   4 workers / 1 = %.2f (goal >= 3)", num(large.get("large_workers_2_over_1")),
				num(large.get("large_workers_4_over_1")));
	}

	private void lag(Map<String, Object> lag) {
		if (lag == null) {
			return;
		}
		line("Outbox lag (commit to Kafka ack) at %s deletes/s asked, %.0f/s sent: p50 %.1f ms, p99 %.1f ms over %.0f events",
				lag.get("target_per_s"), num(map(lag.get("load")).get("ok_per_s")), num(lag.get("p50_ms")),
				num(lag.get("p99_ms")), num(lag.get("events")));
	}

	private void section(Map<String, Object> purge, String name, String title) {
		Map<String, Object> section = map(purge.get(name));
		if (section == null) {
			return;
		}
		Map<String, Object> lethe = map(section.get("lethe"));
		Map<String, Object> floor = map(section.get("floor"));
		Map<String, Object> naive = map(section.get("naive"));
		Map<String, Object> seed = map(section.get("seed"));
		line("");
		line("Purge of %,d items (%,d object versions), %s", num(lethe.get("items")).longValue(),
				num(seed.get("objects")).longValue(), title);
		line("  %-40s %10s %10s %12s %10s %10s", "(per-store rates: over that store's step)", "items/s", "seconds",
				"objects/s", "vectors/s", "rows/s");
		row("Lethe (request to purged)", lethe);
		warmUp(section.get("warm_up"));
		jit("Lethe's", lethe);
		steps(map(lethe.get("step_first_seen_s")));
		requests(map(lethe.get("store_requests_by_step")));
		if (floor == null || naive == null) {
			line("  (Lethe alone: --only memory)");
			return;
		}
		row("floor (best batching, no bookkeeping)", floor);
		jit("the floor's", floor);
		row("naive (" + naive.get("sample_items") + " items, per-object loop)", naive);
		Map<String, Object> cli = map(section.get("awscli"));
		if (cli != null && cli.containsKey("objects_per_s")) {
			line("  %-40s %10s %10.1f %12.0f   (current versions only)",
					"aws s3 rm --recursive (" + cli.get("objects") + " keys)", "", num(cli.get("seconds")),
					num(cli.get("objects_per_s")));
		}
		// computed again rather than read, so that the runs written before the ratios
		// were say the same
		Map<String, Double> ratios = PurgeRatios.of(section);
		// issue 19's goals: within 2x the floor's time behind the round trip, 2x the
		// naive loop on S3Mock, where its per-object work bounds everyone
		String floorGoal = "rtt".equals(name) ? "0.5" : "0.8";
		String naiveGoal = "s3mock".equals(name) ? "2x" : "10x";
		line("  Lethe/floor = %.2f (goal >= %s)   Lethe/naive = %.1fx (goal >= %s)%s",
				ratios.getOrDefault("lethe_over_floor", Double.NaN), floorGoal,
				ratios.getOrDefault("lethe_over_naive", Double.NaN), naiveGoal,
				ratios.containsKey("lethe_objects_over_awscli")
						? String.format("   Lethe/awscli objects/s = %.1fx", ratios.get("lethe_objects_over_awscli"))
						: "");
		if (naive.containsKey("extrapolated_seconds")
				&& !naive.get("extrapolated_items").equals(naive.get("sample_items"))) {
			line("  naive extrapolated linearly to %,d items: %.0f s", num(naive.get("extrapolated_items")).longValue(),
					num(naive.get("extrapolated_seconds")));
		}
	}

	/** The worker's warm-up purges before the one measured: how many, and how fast. */
	private void warmUp(Object rounds) {
		if (!(rounds instanceof List<?> list) || list.isEmpty()) {
			return;
		}
		Map<String, Object> first = map(list.get(0));
		Map<String, Object> last = map(list.get(list.size() - 1));
		line("    warmed up on %d purges: the first %.2f s, the last %.2f s (its JIT %.2f s)", list.size(),
				num(first.get("seconds")), num(last.get("seconds")), num(last.get("jit_seconds")));
	}

	/** What the JIT compiled during the run measured (runs before 7 December lack it). */
	private void jit(String whose, Map<String, Object> run) {
		if (run.get("jit_seconds") instanceof Number seconds) {
			line("    %s JIT during the run: %.2f s", whose, seconds.doubleValue());
		}
	}

	private void scaleOutWarmUp(Object rounds) {
		if (!(rounds instanceof List<?> list) || list.isEmpty()) {
			return;
		}
		Map<String, Object> last = map(list.get(list.size() - 1));
		line("    warmed up over %d rounds, the last %.2f s (the busiest JIT %.2f s)", list.size(),
				num(last.get("seconds")), num(last.get("jit_seconds_most")));
	}

	/** How long each of Lethe's steps was the current one, as the status poll saw it. */
	private void steps(Map<String, Object> seen) {
		StringBuilder steps = new StringBuilder();
		String previous = null;
		double previousAt = 0;
		for (Map.Entry<String, Object> entry : seen.entrySet()) {
			double at = num(entry.getValue());
			steps.append((previous == null) ? String.format("until picked up %.1f", at)
					: String.format(", %s %.1f", previous, at - previousAt));
			previous = entry.getKey();
			previousAt = at;
		}
		line("    Lethe's steps (s): %s", steps);
	}

	/** The object-store requests (round trips) of each of Lethe's steps. */
	private void requests(Map<String, Object> byStep) {
		if (byStep == null || byStep.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder();
		byStep.forEach((step, counts) -> {
			Map<String, Object> operations = map(counts);
			StringBuilder detail = new StringBuilder();
			operations.forEach((operation, count) -> {
				if (!"total".equals(operation)) {
					detail.append((detail.length() > 0) ? ", " : "").append(operation).append(' ');
					detail.append(String.format("%.0f", num(count)));
				}
			});
			text.append((text.length() > 0) ? "; " : "")
				.append(String.format("%s %.0f (%s)", step, num(operations.get("total")), detail));
		});
		line("    Lethe's object-store requests by step: %s", text);
	}

	private void row(String label, Map<String, Object> result) {
		Map<String, Object> rates = map(result.get("per_store_per_s"));
		Object rows = rates.containsKey("rows") ? rates.get("rows") : rates.get("rows_and_vectors");
		line("  %-40s %10.1f %10.1f %12s %10s %10s", label, num(result.get("items_per_s")), num(result.get("seconds")),
				rate(rates.get("objects")), rate(rates.get("vectors")), rate(rows));
	}

	/** A rate, or "-" where a step ended within one poll of the status (100 ms). */
	private static String rate(Object value) {
		return (value instanceof Number n) ? String.format("%.0f", n.doubleValue()) : "-";
	}

	private void compareLoad(Map<String, Object> command, String label, String api, String floor, String pg,
			String ratiosKey) {
		Map<String, Object> load = map(command.get(api));
		line("  %-44s %9.0f %8.2f %8.2f", label, num(load.get("ok_per_s")), num(load.get("p50_ms")),
				num(load.get("p99_ms")));
		Map<String, Object> bare = map(command.get(floor));
		if (bare != null) {
			line("    %-42s %9.0f %8.2f %8.2f", "framework floor (same stack, bare tx)", num(bare.get("ok_per_s")),
					num(bare.get("p50_ms")), num(bare.get("p99_ms")));
		}
		Map<String, Object> bench = map(command.get(pg));
		if (bench.containsKey("tps")) {
			line("    %-42s %9.0f %8.2f %8.2f", "pgbench: " + bench.get("script"), num(bench.get("tps")),
					num(bench.get("p50_ms")), num(bench.get("p99_ms")));
		}
		else {
			line("    pgbench: %s", bench);
		}
		Map<String, Object> ratios = map(command.get(ratiosKey));
		if (ratios != null) {
			line("    Lethe/floor = %.2f (goal >= 0.7)   p99 Lethe/floor = %.1f (goal <= 2)   Lethe/pgbench = %.2f",
					num(ratios.get("lethe_over_framework_floor")), num(ratios.get("p99_over_framework_floor")),
					num(ratios.get("lethe_over_pgbench")));
		}
	}

	private void line(String format, Object... args) {
		this.text.append(String.format(format, args)).append('\n');
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> m) ? (Map<String, Object>) m : null;
	}

	private static Double num(Object value) {
		return (value instanceof Number n) ? n.doubleValue() : Double.NaN;
	}

}
