package io.lethe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lethe.testkit.Api;

/**
 * Samples a service's used heap (Micrometer's {@code jvm.memory.used}, area heap) and its
 * live data after GC ({@code jvm.gc.live.data.size}) every 250 ms while open; the
 * kernel's {@code VmHWM} gives the peak RSS. Also what the service spent meanwhile: CPU
 * seconds and GC pauses. G1's young collections leave dead objects in the old generation,
 * so the live data after GC is an upper bound; asked for, a probe also runs
 * {@code jmap -histo:live} (a full collection) every few seconds and keeps the largest
 * live heap it counted.
 */
final class MemorySampler implements AutoCloseable {

	private final Service service;

	private final AtomicLong peakHeap = new AtomicLong();

	private final AtomicLong peakLive = new AtomicLong();

	private final AtomicLong peakCountedLive = new AtomicLong(-1);

	private static final long LIVE_PROBE_MILLIS = 5_000;

	private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");

	private final Thread thread;

	private volatile boolean running = true;

	private final double cpuAtStart;

	private final double[] gcAtStart;

	private final Api api;

	MemorySampler(Service service) {
		this(service, false);
	}

	MemorySampler(Service service, boolean probeLiveHeap) {
		this.service = service;
		Api api = new Api(service.managementUrl());
		this.api = api;
		this.cpuAtStart = service.cpuSeconds();
		this.gcAtStart = gc(api);
		this.thread = new Thread(() -> {
			long nextProbe = System.currentTimeMillis() + LIVE_PROBE_MILLIS;
			while (this.running) {
				try {
					sample(api, "/actuator/metrics/jvm.memory.used?tag=area:heap", this.peakHeap);
					sample(api, "/actuator/metrics/jvm.gc.live.data.size", this.peakLive);
					if (probeLiveHeap && System.currentTimeMillis() >= nextProbe) {
						this.peakCountedLive.accumulateAndGet(countLive(service.pid()), Math::max);
						nextProbe = System.currentTimeMillis() + LIVE_PROBE_MILLIS;
					}
				}
				catch (RuntimeException ex) {
					// a missed sample; the next one follows
				}
				Bench.sleep(250);
			}
		}, "heap-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private static void sample(Api api, String path, AtomicLong peak) {
		Api.Response response = api.get(path, null);
		if (response.status() == 200) {
			long value = (long) response.json().path("measurements").path(0).path("value").asDouble();
			peak.accumulateAndGet(value, Math::max);
		}
	}

	/**
	 * The bytes {@code jmap -histo:live} counts on the heap (after a full collection).
	 */
	private static long countLive(long pid) {
		try {
			Process jmap = new ProcessBuilder("jmap", "-histo:live", Long.toString(pid)).redirectErrorStream(true)
				.start();
			long total = -1;
			try (var lines = jmap.inputReader().lines()) {
				for (String line : (Iterable<String>) lines::iterator) {
					Matcher matcher = TOTAL.matcher(line);
					if (matcher.find()) {
						total = Long.parseLong(matcher.group(1));
					}
				}
			}
			jmap.waitFor();
			return total;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** GC pauses so far: count and total seconds. */
	private static double[] gc(Api api) {
		try {
			var measurements = api.get("/actuator/metrics/jvm.gc.pause", null).json().path("measurements");
			double count = 0;
			double total = 0;
			for (var measurement : measurements) {
				String statistic = measurement.path("statistic").asString("");
				if ("COUNT".equals(statistic)) {
					count = measurement.path("value").asDouble();
				}
				else if ("TOTAL_TIME".equals(statistic)) {
					total = measurement.path("value").asDouble();
				}
			}
			return new double[] { count, total };
		}
		catch (RuntimeException ex) {
			return new double[] { Double.NaN, Double.NaN };
		}
	}

	Map<String, Object> summary() {
		long[] rss = this.service.rss();
		double[] gc = gc(this.api);
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("cpu_seconds", this.service.cpuSeconds() - this.cpuAtStart);
		memory.put("gc_pauses", gc[0] - this.gcAtStart[0]);
		memory.put("gc_pause_seconds", gc[1] - this.gcAtStart[1]);
		memory.put("peak_heap_used_mib", this.peakHeap.get() / 1048576.0);
		// what the old generation held after a collection: at most the live set
		memory.put("peak_live_after_gc_mib", this.peakLive.get() / 1048576.0);
		if (this.peakCountedLive.get() >= 0) {
			memory.put("peak_live_counted_mib", this.peakCountedLive.get() / 1048576.0);
		}
		memory.put("peak_rss_mib", rss[0] / 1048576.0);
		memory.put("rss_now_mib", rss[1] / 1048576.0);
		return memory;
	}

	@Override
	public void close() {
		this.running = false;
	}

}
