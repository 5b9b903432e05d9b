package io.lethe.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRoundsTests {

	@Test
	void aLoadsRoundsCountAsOneLoadWithTheMedianRoundsPercentiles() {
		Map<String, Object> merged = CommandBenchmarks.merged(List.of(round(5.0, 4000, 3990, 12.0, 40.0, 90.0),
				round(5.0, 6000, 6000, 8.0, 30.0, 70.0), round(5.0, 5000, 5000, 10.0, 50.0, 120.0)));

		assertThat(merged.get("seconds")).isEqualTo(15.0);
		assertThat(merged.get("requests")).isEqualTo(15_000L);
		assertThat(merged.get("ok")).isEqualTo(14_990L);
		assertThat((double) merged.get("ok_per_s")).isEqualTo(14_990 / 15.0);
		assertThat(merged.get("p50_ms")).isEqualTo(10.0);
		assertThat(merged.get("p99_ms")).isEqualTo(40.0);
		assertThat(merged.get("max_ms")).isEqualTo(120.0);
		assertThat(merged.get("statuses")).isEqualTo(Map.of("200", 14_990, "409", 10));
		assertThat(merged.get("rounds_ok_per_s")).isEqualTo(List.of(798.0, 1200.0, 1000.0));
	}

	private static Map<String, Object> round(double seconds, int requests, int ok, double p50, double p99, double max) {
		Map<String, Object> statuses = (requests > ok) ? Map.of("200", ok, "409", requests - ok) : Map.of("200", ok);
		Map<String, Object> round = new java.util.LinkedHashMap<>();
		round.put("mode", "delete");
		round.put("threads", 16);
		round.put("seconds", seconds);
		round.put("requests", requests);
		round.put("ok", ok);
		round.put("statuses", statuses);
		round.put("per_s", requests / seconds);
		round.put("ok_per_s", ok / seconds);
		round.put("p50_ms", p50);
		round.put("p99_ms", p99);
		round.put("max_ms", max);
		return round;
	}

}
