package io.lethe.stores.retry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(350), 2.0);

	@Test
	void waitsGrowByTheMultiplierUpToTheCeiling() {
		assertThat(this.policy.ceiling(1)).hasMillis(100);
		assertThat(this.policy.ceiling(2)).hasMillis(200);
		assertThat(this.policy.ceiling(3)).hasMillis(350);
		assertThat(this.policy.ceiling(30)).hasMillis(350);
		for (int tries = 1; tries < 6; tries++) {
			long ceiling = this.policy.ceiling(tries).toMillis();
			assertThat(this.policy.backoff(tries).toMillis()).isBetween(ceiling / 2, ceiling / 2 * 2 + 1);
		}
	}

	@Test
	void attemptsCountEveryTryAndZeroMeansNoLimit() {
		assertThat(this.policy.exhausted(3)).isFalse();
		assertThat(this.policy.exhausted(4)).isTrue();
		assertThat(RetryPolicy.unbounded(Duration.ofMillis(1), Duration.ofMillis(2)).exhausted(Integer.MAX_VALUE))
			.isFalse();
	}

	@Test
	void asSpringsBackOffItRetriesAsOftenAndAsLong() {
		BackOffExecution execution = this.policy.toBackOff().start();
		assertThat(execution.nextBackOff()).isEqualTo(100);
		assertThat(execution.nextBackOff()).isEqualTo(200);
		assertThat(execution.nextBackOff()).isEqualTo(350);
		assertThat(execution.nextBackOff()).as("4 tries in all: 3 retries").isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void anImpossiblePolicyIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(-1, Duration.ofMillis(1), Duration.ofMillis(1), 2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(1), 2));
	}

}
