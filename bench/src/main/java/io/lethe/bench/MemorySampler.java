package io.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.lethe.testkit.Api;

/**
 * Samples a service's used heap (Micrometer's {@code jvm.memory.used}, area heap) every
 * 250 ms while open; the kernel's {@code VmHWM} gives the peak RSS.
 */
final class MemorySampler implements AutoCloseable {

	private final Service service;

	private final AtomicLong peakHeap = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	MemorySampler(Service service) {
		this.service = service;
		Api api = new Api(service.baseUrl());
		this.thread = new Thread(() -> {
			while (this.running) {
				try {
					Api.Response heap = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap", null);
					if (heap.status() == 200) {
						long used = (long) heap.json().path("measurements").path(0).path("value").asDouble();
						this.peakHeap.accumulateAndGet(used, Math::max);
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

	Map<String, Object> summary() {
		long[] rss = this.service.rss();
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("peak_heap_used_mib", this.peakHeap.get() / 1048576.0);
		memory.put("peak_rss_mib", rss[0] / 1048576.0);
		memory.put("rss_now_mib", rss[1] / 1048576.0);
		return memory;
	}

	@Override
	public void close() {
		this.running = false;
	}

}
