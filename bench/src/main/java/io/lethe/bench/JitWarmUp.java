package io.lethe.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warm-up rounds until the workers' JIT compilers are quiet, or the warm-up's time is up.
 * A worker runs for days, and the floor runs in the bench's JVM, warm from what ran
 * before it; a fresh worker's compilers are what its first purges wait for on two cores.
 * The rounds are small purges, so a timed purge of 100,000 items still makes code hot in
 * both JVMs: what each compiles during its run goes into the JSON ({@code jit_seconds}).
 * Measured here from /proc: after one warm-up purge of 100 items the compiler threads had
 * used 14.4 s of CPU, after 21 purges 23.3 s, against 1 to 2 s for all of the purges' own
 * threads; behind the round trip the purges went from 1.5 s to about 0.3 s, and the
 * compilers were quiet after about 30. Each round's time and the busiest worker's
 * compiling time over it go into the JSON. The purge settings and the scale-out scenarios
 * warm up through it alike.
 */
final class JitWarmUp {

	/**
	 * A worker's compiling time over one round (its seeding and purges) that is quiet.
	 */
	static final double QUIET_JIT_SECONDS = 0.05;

	private JitWarmUp() {
	}

	/** One round of warm-up work. */
	interface Round {

		/**
		 * @return the round's seconds, as its purges timed them
		 */
		Object run() throws Exception;

	}

	/**
	 * Runs rounds until every worker compiled for at most {@link #QUIET_JIT_SECONDS} over
	 * one (after at least {@code minRounds}, at most {@code maxRounds}, while
	 * {@code budget} lasts); an unreadable compiling time never counts as quiet.
	 * @param jitKey the name each round's compiling time has in the JSON
	 * @return each round's {@code seconds} and compiling time
	 */
	static List<Map<String, Object>> untilQuiet(List<Service> workers, int minRounds, int maxRounds, Duration budget,
			String jitKey, Round round) throws Exception {
		List<Map<String, Object>> rounds = new ArrayList<>();
		long deadline = System.nanoTime() + budget.toNanos();
		for (int n = 1; n <= maxRounds && System.nanoTime() < deadline; n++) {
			double[] before = workers.stream().mapToDouble(Service::compilationSeconds).toArray();
			Object seconds = round.run();
			double most = 0;
			boolean read = true;
			for (int i = 0; i < workers.size(); i++) {
				double compiled = workers.get(i).compilationSeconds() - before[i];
				read &= !Double.isNaN(compiled);
				most = Double.isNaN(compiled) ? most : Math.max(most, compiled);
			}
			rounds.add(Map.of("seconds", seconds, jitKey, most));
			if (n >= minRounds && read && most <= QUIET_JIT_SECONDS) {
				break;
			}
		}
		return rounds;
	}

	/**
	 * Seconds the bench's own JVM, where the floor runs, has spent compiling so far; NaN
	 * where the JVM does not tell.
	 */
	static double ownCompilingSeconds() {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		return (compiler != null && compiler.isCompilationTimeMonitoringSupported())
				? compiler.getTotalCompilationTime() / 1000.0 : Double.NaN;
	}

}
