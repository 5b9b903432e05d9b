package io.lethe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator, run as a process of its own so that it does not share a JVM with
 * what it measures: {@code threads} closed-loop clients (or, with a rate, clients that
 * keep to a fixed schedule) send {@code POST /api/v1/datasets} or {@code DELETE
 * /api/v1/datasets/{id}} (each id of the ids file once) for {@code seconds}; prints one
 * JSON object: requests, statuses, throughput, p50/p99.
 * <p>
 * Arguments: {@code base-url key create|delete threads seconds rate-per-s ids-file}.
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String key = args[1];
		String mode = args[2];
		int threads = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		double rate = Double.parseDouble(args[5]);
		List<String> ids = "delete".equals(mode) ? Files.readAllLines(Path.of(args[6])) : List.of();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		AtomicInteger next = new AtomicInteger();
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		long[][] latencies = new long[threads][];
		int[] counts = new int[threads];
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		// With a rate, each client sends every threads/rate seconds, on a schedule that
		// does
		// not slow down when the service does.
		long interval = (rate > 0) ? (long) (threads * 1e9 / rate) : 0;
		List<Thread> clients = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int client = t;
			latencies[t] = new long[1 << 16];
			Thread thread = new Thread(() -> {
				long due = start + (interval * client) / threads;
				while (true) {
					if (interval > 0) {
						long wait = due - System.nanoTime();
						if (wait > 0) {
							Bench.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						due += interval;
					}
					if (System.nanoTime() >= end) {
						return;
					}
					HttpRequest request;
					if ("delete".equals(mode)) {
						int index = next.getAndIncrement();
						if (index >= ids.size()) {
							return;
						}
						request = HttpRequest.newBuilder(URI.create(base + "/api/v1/datasets/" + ids.get(index)))
							.header("Authorization", "Bearer " + key)
							.DELETE()
							.build();
					}
					else {
						String body = "{\"name\": \"load_" + UUID.randomUUID().toString().replace("-", "") + "\"}";
						request = HttpRequest.newBuilder(URI.create(base + "/api/v1/datasets"))
							.header("Authorization", "Bearer " + key)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build();
					}
					long sent = System.nanoTime();
					int status;
					try {
						status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (Exception ex) {
						status = -1;
					}
					long took = System.nanoTime() - sent;
					statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
					if (counts[client] == latencies[client].length) {
						latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
					}
					latencies[client][counts[client]++] = took;
				}
			}, "load-" + t);
			clients.add(thread);
			thread.start();
		}
		for (Thread thread : clients) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = new long[Arrays.stream(counts).sum()];
		int at = 0;
		for (int t = 0; t < threads; t++) {
			System.arraycopy(latencies[t], 0, all, at, counts[t]);
			at += counts[t];
		}
		Arrays.sort(all);
		Map<Integer, Integer> byStatus = new TreeMap<>();
		statuses.forEach((status, count) -> byStatus.put(status, count.get()));
		int ok = byStatus.getOrDefault("delete".equals(mode) ? 200 : 201, 0);
		System.out.printf(
				"{\"mode\": \"%s\", \"threads\": %d, \"seconds\": %.3f, \"requests\": %d, \"ok\": %d, \"statuses\": %s, "
						+ "\"per_s\": %.1f, \"ok_per_s\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}%n",
				mode, threads, elapsed, all.length, ok, json(byStatus), all.length / elapsed, ok / elapsed,
				percentile(all, 0.50), percentile(all, 0.99), (all.length == 0) ? 0 : all[all.length - 1] / 1e6);
	}

	private static double percentile(long[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
	}

	private static String json(Map<Integer, Integer> statuses) {
		StringBuilder json = new StringBuilder("{");
		statuses.forEach((status, count) -> json.append((json.length() > 1) ? ", " : "")
			.append('"')
			.append(status)
			.append("\": ")
			.append(count));
		return json.append('}').toString();
	}

}
