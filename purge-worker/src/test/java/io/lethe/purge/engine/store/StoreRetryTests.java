package io.lethe.purge.engine.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.lethe.stores.object.ObjectStoreException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreRetryTests {

	private final AtomicInteger retries = new AtomicInteger();

	private final StoreRetry retry = new StoreRetry(
			new io.lethe.stores.retry.RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), 2.0),
			this.retries::incrementAndGet);

	@Test
	void aPassingFailureIsRetriedAndUndoneBeforeEachNewTry() {
		AtomicInteger tries = new AtomicInteger();
		AtomicInteger undone = new AtomicInteger();

		String result = this.retry.call("list", () -> {
			if (tries.incrementAndGet() < 3) {
				throw new ObjectStoreException("SlowDown", true);
			}
			return "ok";
		}, undone::incrementAndGet);

		assertThat(result).isEqualTo("ok");
		assertThat(this.retries).hasValue(2);
		assertThat(undone).hasValue(2);
	}

	@Test
	void theLastFailureAndPermanentOnesReachTheCaller() {
		assertThatExceptionOfType(TransientDataAccessResourceException.class)
			.isThrownBy(() -> this.retry.call("delete", () -> {
				throw new TransientDataAccessResourceException("connection lost");
			}));
		assertThat(this.retries).hasValue(2);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.retry.call("insert", () -> {
				throw new DataIntegrityViolationException("constraint");
			}));
		assertThat(this.retries).as("a permanent failure is not retried").hasValue(2);
	}

}
