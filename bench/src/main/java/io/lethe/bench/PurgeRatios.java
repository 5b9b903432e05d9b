package io.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ratios a purge setting's goals are stated in (issue 19), by name, from the
 * setting's results: Lethe's items/s over the floor's and over the naive peer's and,
 * where awscli ran, Lethe's object versions/s over its keys/s. Written into the JSON with
 * the results and read back by the summary, so both say the same.
 */
final class PurgeRatios {

	private PurgeRatios() {
	}

	/**
	 * @param setting one setting's results ({@code lethe}, {@code floor}, {@code naive},
	 * {@code awscli}), as measured or as read back from the JSON
	 * @return the ratios that can be computed from them (none without Lethe's run)
	 */
	static Map<String, Double> of(Map<String, ?> setting) {
		Map<String, Double> ratios = new LinkedHashMap<>();
		Map<?, ?> lethe = map(setting.get("lethe"));
		Double lethePerS = number(lethe.get("items_per_s"));
		if (lethePerS == null) {
			return ratios;
		}
		Double floor = number(map(setting.get("floor")).get("items_per_s"));
		if (floor != null) {
			ratios.put("lethe_over_floor", lethePerS / floor);
		}
		Double naive = number(map(setting.get("naive")).get("items_per_s"));
		if (naive != null) {
			ratios.put("lethe_over_naive", lethePerS / naive);
		}
		Double cli = number(map(setting.get("awscli")).get("objects_per_s"));
		Double objects = number(map(lethe.get("per_store_per_s")).get("objects"));
		if (cli != null && objects != null) {
			ratios.put("lethe_objects_over_awscli", objects / cli);
		}
		return ratios;
	}

	private static Map<?, ?> map(Object value) {
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static Double number(Object value) {
		return (value instanceof Number number && number.doubleValue() > 0) ? number.doubleValue() : null;
	}

}
