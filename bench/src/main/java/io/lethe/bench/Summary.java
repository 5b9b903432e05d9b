package io.lethe.bench;

import java.util.Map;

/** The one-screen summary of a run's results. */
final class Summary {

	private Summary() {
	}

	static String of(Map<String, Object> results) {
		return String.valueOf(results);
	}

}
