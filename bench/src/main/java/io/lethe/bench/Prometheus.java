package io.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.lethe.testkit.Api;

/** Reads a histogram from a service's {@code /actuator/prometheus}. */
final class Prometheus {

	private Prometheus() {
	}

	static Histogram histogram(String base, String name) {
		String text = new Api(base).get("/actuator/prometheus", null).body();
		TreeMap<Double, Double> buckets = new TreeMap<>();
		double count = 0;
		double sum = 0;
		for (String line : text.split("\n")) {
			if (line.startsWith(name + "_bucket{")) {
				String le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
				double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
				buckets.merge(bound, value(line), Double::sum);
			}
			else if (line.startsWith(name + "_count")) {
				count += value(line);
			}
			else if (line.startsWith(name + "_sum")) {
				sum += value(line);
			}
		}
		return new Histogram(buckets, count, sum);
	}

	/**
	 * The samples of a counter by their labels as printed (for example
	 * {@code operation="DeleteObjects",step="objects",store="objects"}).
	 */
	static Map<String, Double> counter(String base, String name) {
		String text = new Api(base).get("/actuator/prometheus", null).body();
		Map<String, Double> samples = new TreeMap<>();
		for (String line : text.split("\n")) {
			if (line.startsWith(name + "{")) {
				samples.merge(line.substring(name.length() + 1, line.lastIndexOf('}')), value(line), Double::sum);
			}
		}
		return samples;
	}

	/**
	 * Requests per purge step between two readings of
	 * {@code lethe_purge_store_requests_total}: for each step its total and its count per
	 * operation.
	 */
	static Map<String, Object> requestsByStep(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Object> steps = new TreeMap<>();
		after.forEach((labels, value) -> {
			double count = value - before.getOrDefault(labels, 0.0);
			if (count <= 0) {
				return;
			}
			String step = label(labels, "step");
			@SuppressWarnings("unchecked")
			Map<String, Object> byStep = (Map<String, Object>) steps.computeIfAbsent(step,
					(s) -> new LinkedHashMap<String, Object>(Map.of("total", 0.0)));
			byStep.put("total", (Double) byStep.get("total") + count);
			byStep.put(label(labels, "operation"), count);
		});
		return steps;
	}

	private static String label(String labels, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
		return matcher.find() ? matcher.group(1) : "?";
	}

	private static double value(String line) {
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	/** Cumulative bucket counts by upper bound (seconds). */
	record Histogram(TreeMap<Double, Double> buckets, double count, double sum) {

		Histogram minus(Histogram earlier) {
			TreeMap<Double, Double> diff = new TreeMap<>();
			this.buckets.forEach((bound, value) -> diff.put(bound, value - earlier.buckets.getOrDefault(bound, 0.0)));
			return new Histogram(diff, this.count - earlier.count, this.sum - earlier.sum);
		}

		/**
		 * The quantile, interpolated linearly inside its bucket (as Prometheus'
		 * histogram_quantile does).
		 */
		double quantile(double q) {
			double rank = q * this.count;
			double lower = 0;
			double below = 0;
			for (Map.Entry<Double, Double> bucket : this.buckets.entrySet()) {
				if (bucket.getValue() >= rank) {
					if (bucket.getKey().isInfinite()) {
						return lower;
					}
					double inBucket = bucket.getValue() - below;
					return lower + (bucket.getKey() - lower) * ((inBucket == 0) ? 1 : (rank - below) / inBucket);
				}
				lower = bucket.getKey();
				below = bucket.getValue();
			}
			return lower;
		}

		Map<String, Object> summary() {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("events", this.count);
			summary.put("mean_ms", (this.count == 0) ? 0 : this.sum / this.count * 1000);
			summary.put("p50_ms", quantile(0.50) * 1000);
			summary.put("p99_ms", quantile(0.99) * 1000);
			return summary;
		}

	}

}
