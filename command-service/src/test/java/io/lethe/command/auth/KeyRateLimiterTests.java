package io.lethe.command.auth;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.lethe.command.api.RequestLimits;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final KeyRateLimiter limiter = new KeyRateLimiter(new RequestLimits(DataSize.ofMegabytes(1), 2, 3),
			this.now::get);

	@Test
	void aKeyMayBurstThenIsHeldToItsRate() {
		UUID key = UUID.randomUUID();

		assertThat(this.limiter.acquire(key)).isZero();
		assertThat(this.limiter.acquire(key)).isZero();
		assertThat(this.limiter.acquire(key)).isZero();
		assertThat(this.limiter.acquire(key)).isEqualTo(1);

		this.now.addAndGet(500_000_000L);
		assertThat(this.limiter.acquire(key)).isZero();
		assertThat(this.limiter.acquire(key)).isEqualTo(1);
	}

	@Test
	void keysHaveTheirOwnBuckets() {
		UUID busy = UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.limiter.acquire(busy);
		}

		assertThat(this.limiter.acquire(busy)).isPositive();
		assertThat(this.limiter.acquire(UUID.randomUUID())).isZero();
	}

	@Test
	void aQuietSpellRefillsNoMoreThanTheBurst() {
		UUID key = UUID.randomUUID();
		this.now.addAndGet(3_600_000_000_000L);

		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.acquire(key)).isZero();
		}
		assertThat(this.limiter.acquire(key)).isPositive();
	}

}
