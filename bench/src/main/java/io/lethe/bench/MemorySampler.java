package io.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.lethe.testkit.Api;

/**
 * Samples a service's used heap (Micrometer's {@code jvm.memory.used}, area heap) and its
 * live data after GC ({@code jvm.gc.live.data.size}) every 250 ms while open; the
 * kernel's {@code VmHWM} gives the peak RSS. Also what the service spent meanwhile: CPU
 * seconds and GC pauses.
 */
final class MemorySampler implements AutoCloseable {

	private final Service service;

	private final AtomicLong peakHeap = new AtomicLong();

	private final AtomicLong peakLive = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	private final double cpuAtStart;

	private final double[] gcAtStart;

	private final Api api;

	MemorySampler(Service service) {
		this.service = service;
		Api api = new Api(service.baseUrl());
		this.api = api;
		this.cpuAtStart = service.cpuSeconds();
		this.gcAtStart = gc(api);
		this.thread = new Thread(() -> {
			while (this.running) {
				try {
					sample(api, "/actuator/metrics/jvm.memory.used?tag=area:heap", this.peakHeap);
					sample(api, "/actuator/metrics/jvm.gc.live.data.size", this.peakLive);
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
		// what the old generation held after a collection: the live set, not garbage
		// waiting for the next GC
		memory.put("peak_live_after_gc_mib", this.peakLive.get() / 1048576.0);
		memory.put("peak_rss_mib", rss[0] / 1048576.0);
		memory.put("rss_now_mib", rss[1] / 1048576.0);
		return memory;
	}

	@Override
	public void close() {
		this.running = false;
	}

}
