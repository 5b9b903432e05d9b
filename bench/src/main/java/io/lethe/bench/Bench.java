package io.lethe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code make bench}: starts a stack of its own, runs every benchmark side by side in one
 * run, writes {@code bench/results/bench-<time>.json} (and {@code latest.json}) and
 * prints a one-screen summary. Options: {@code --items N} (default 100,000),
 * {@code --large} (1,000,000), {@code --sample N} (naive peer and awscli),
 * {@code --rtt-items N} and {@code --rtt-ms N} (the emulated round trip),
 * {@code --duration S} (each command-path load), {@code --scaleout-datasets N} and
 * {@code --scaleout-items N} (the scale-out scenario, default 16 of 2,000),
 * {@code --only purge|scaleout|command|memory} ({@code memory}: Lethe's purge alone at
 * the full size, for the worker's memory; {@code --large --only memory} is the
 * 1,000,000-item run), {@code --only scaleout-large} (one large dataset,
 * {@code --scaleout-large-items N}, by 1, 2 and 4 workers).
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && "--summary".equals(args[0])) {
			System.out.println(Summary.of(Json.read(Path.of(args[1]))));
			return;
		}
		Options options = Options.parse(args);
		Path out = Path.of(options.out());
		Files.createDirectories(out);
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(ZoneOffset.UTC)
			.format(Instant.now());
		Path home = Files.createTempDirectory("lethe-bench-");
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("started_at", Instant.now().toString());
		results.put("machine", Machine.describe());
		results.put("options", options.asMap());
		long start = System.nanoTime();
		progress("starting the stack (own database, KRaft broker, S3Mock, both services) under " + home);
		int exit = 1;
		try (BenchStack stack = new BenchStack(home)) {
			// Ctrl-C or a kill still stops the services and drops the database.
			Thread cleanup = new Thread(stack::close, "bench-cleanup");
			Runtime.getRuntime().addShutdownHook(cleanup);
			if (options.runs("purge")) {
				results.put("purge", new PurgeBenchmarks(stack, options).run());
			}
			else if ("memory".equals(options.only())) {
				results.put("purge", new PurgeBenchmarks(stack, options).letheOnly());
			}
			if (options.runs("scaleout")) {
				results.put("scaleout", new ScaleOutBenchmarks(stack, options).run());
			}
			if (options.runs("scaleout-large")) {
				results.put("scaleout_large", new ScaleOutBenchmarks(stack, options).runLarge());
			}
			if (options.runs("command")) {
				results.put("command", new CommandBenchmarks(stack, options, home).run());
			}
			exit = 0;
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			results.put("error", ex.toString());
		}
		finally {
			results.put("total_seconds", (System.nanoTime() - start) / 1e9);
			Path file = out.resolve("bench-" + stamp + ".json");
			Json.write(file, results);
			Json.write(out.resolve("latest.json"), results);
			System.out.println(Summary.of(Json.tree(results)));
			System.out.println("Results: " + file);
		}
		// The embedded broker's threads would keep the JVM alive.
		System.exit(exit);
	}

	static void progress(String message) {
		System.err.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), message);
	}

	static void sleep(long millis) {
		sleep(millis, 0);
	}

	static void sleep(long millis, int nanos) {
		try {
			Thread.sleep(millis, nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
