package io.lethe.purge.reconcile;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReconcilePropertiesTests {

	@Test
	void aRequestNeverLowersTheSafetyAgeBelowTheMinimum() {
		ReconcileProperties properties = new ReconcileProperties(Duration.ofHours(2), Duration.ofHours(1),
				Duration.ofDays(7), new ReconcileProperties.Schedule("-", false), Duration.ofSeconds(5),
				Duration.ofMinutes(5), 500, 1000, 4, 20, 1000,
				new ReconcileProperties.VectorSpacePolicy(0.05, 0.2, 30));

		assertThat(properties.safetyAgeFor(null)).isEqualTo(Duration.ofHours(2));
		assertThat(properties.safetyAgeFor(Duration.ZERO)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.safetyAgeFor(Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void aSafetyAgeBelowItsMinimumIsRefusedAtStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconcileProperties(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(7),
					new ReconcileProperties.Schedule("-", false), Duration.ofSeconds(5), Duration.ofMinutes(5), 500,
					1000, 4, 20, 1000, new ReconcileProperties.VectorSpacePolicy(0.05, 0.2, 30)));
	}

}
