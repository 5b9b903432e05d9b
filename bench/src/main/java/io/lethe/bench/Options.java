package io.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bench's command-line options; see {@link Bench}. */
record Options(int items, int sample, int rttItems, int s3mockItems, int rttMillis, int durationSeconds,
		int concurrency, int lagRate, int scaleoutDatasets, int scaleoutItems, int scaleoutLargeItems, String only,
		String out, String workerHeap) {

	static Options parse(String[] args) {
		int items = 100_000;
		int sample = 2_000;
		int rttItems = 500;
		int s3mockItems = 500;
		int rttMillis = 20;
		int duration = 15;
		int concurrency = 16;
		int lagRate = 1_000;
		int scaleoutDatasets = 16;
		int scaleoutItems = 2_000;
		int scaleoutLargeItems = 20_000;
		String only = "all";
		String out = "bench/results";
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--large" -> items = 1_000_000;
				case "--items" -> items = Integer.parseInt(args[++i]);
				case "--sample" -> sample = Integer.parseInt(args[++i]);
				case "--rtt-items" -> rttItems = Integer.parseInt(args[++i]);
				case "--s3mock-items" -> s3mockItems = Integer.parseInt(args[++i]);
				case "--rtt-ms" -> rttMillis = Integer.parseInt(args[++i]);
				case "--duration" -> duration = Integer.parseInt(args[++i]);
				case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
				case "--lag-rate" -> lagRate = Integer.parseInt(args[++i]);
				case "--scaleout-datasets" -> scaleoutDatasets = Integer.parseInt(args[++i]);
				case "--scaleout-items" -> scaleoutItems = Integer.parseInt(args[++i]);
				case "--scaleout-large-items" -> scaleoutLargeItems = Integer.parseInt(args[++i]);
				case "--only" -> only = args[++i];
				case "--out" -> out = args[++i];
				default -> throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		return new Options(items, Math.min(sample, items), Math.min(rttItems, items), Math.min(s3mockItems, items),
				rttMillis, duration, concurrency, lagRate, scaleoutDatasets, scaleoutItems, scaleoutLargeItems, only,
				out, "256m");
	}

	/**
	 * Whether {@code --only} names the part (several: {@code --only scaleout,command}).
	 */
	boolean runs(String part) {
		return "all".equals(this.only) || java.util.Arrays.asList(this.only.split(",")).contains(part);
	}

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("items", this.items);
		map.put("naive_sample_items", this.sample);
		map.put("rtt_items", this.rttItems);
		map.put("rtt_ms", this.rttMillis);
		map.put("s3mock_items", this.s3mockItems);
		map.put("command_load_seconds", this.durationSeconds);
		map.put("concurrency", this.concurrency);
		map.put("outbox_lag_rate_per_s", this.lagRate);
		map.put("scaleout_datasets", this.scaleoutDatasets);
		map.put("scaleout_items_per_dataset", this.scaleoutItems);
		map.put("scaleout_large_items", this.scaleoutLargeItems);
		map.put("worker_heap", this.workerHeap);
		map.put("only", this.only);
		return map;
	}

}
