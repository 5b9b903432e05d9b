package io.lethe.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PurgeRatiosTests {

	@Test
	void aSettingsGoalsAreNamedRatiosOfLetheOverTheFloorTheNaivePeerAndAwscli() {
		Map<String, Object> setting = Map.of("lethe",
				Map.of("items_per_s", 1_000.0, "per_store_per_s", Map.of("objects", 600.0)), "floor",
				Map.of("items_per_s", 2_000.0), "naive", Map.of("items_per_s", 50), "awscli",
				Map.of("objects_per_s", 200.0));

		assertThat(PurgeRatios.of(setting)).containsExactly(Map.entry("lethe_over_floor", 0.5),
				Map.entry("lethe_over_naive", 20.0), Map.entry("lethe_objects_over_awscli", 3.0));
	}

	@Test
	void aRatioWhoseSideDidNotRunIsLeftOut() {
		assertThat(PurgeRatios.of(Map.of("lethe", Map.of("items_per_s", 1_000.0)))).isEmpty();
		assertThat(PurgeRatios.of(Map.of("floor", Map.of("items_per_s", 2_000.0)))).isEmpty();
		assertThat(PurgeRatios.of(Map.of("lethe", Map.of("items_per_s", 1_000.0), "awscli",
				Map.of("exit_code", 127, "note", "awscli is not installed"))))
			.isEmpty();
	}

}
