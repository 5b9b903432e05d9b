package io.lethe.command.api;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final TokenBuckets<UUID> buckets = new TokenBuckets<>(2, 3, 1000, this.now::get);

	@Test
	void aClientMayBurstThenIsHeldToItsRate() {
		UUID key = UUID.randomUUID();

		assertThat(this.buckets.acquire(key)).isZero();
		assertThat(this.buckets.acquire(key)).isZero();
		assertThat(this.buckets.acquire(key)).isZero();
		assertThat(this.buckets.acquire(key)).isEqualTo(1);

		this.now.addAndGet(500_000_000L);
		assertThat(this.buckets.acquire(key)).isZero();
		assertThat(this.buckets.acquire(key)).isEqualTo(1);
	}

	@Test
	void clientsHaveTheirOwnBuckets() {
		UUID busy = UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.buckets.acquire(busy);
		}

		assertThat(this.buckets.acquire(busy)).isPositive();
		assertThat(this.buckets.acquire(UUID.randomUUID())).isZero();
	}

	@Test
	void aQuietSpellRefillsNoMoreThanTheBurst() {
		UUID key = UUID.randomUUID();
		this.now.addAndGet(3_600_000_000_000L);

		for (int i = 0; i < 3; i++) {
			assertThat(this.buckets.acquire(key)).isZero();
		}
		assertThat(this.buckets.acquire(key)).isPositive();
	}

	@Test
	void lookingAtABucketTakesNoToken() {
		UUID key = UUID.randomUUID();

		assertThat(this.buckets.waitFor(key)).isZero();
		assertThat(this.buckets.size()).isZero();
		for (int i = 0; i < 3; i++) {
			this.buckets.acquire(key);
			assertThat(this.buckets.waitFor(key)).isEqualTo((i < 2) ? 0 : 1);
		}
		assertThat(this.buckets.waitFor(key)).isEqualTo(1);
		this.now.addAndGet(500_000_000L);
		assertThat(this.buckets.waitFor(key)).isZero();
		assertThat(this.buckets.acquire(key)).isZero();
	}

	@Test
	void aFloodOfDistinctClientsStaysWithinTheBound() {
		TokenBuckets<String> perAddress = new TokenBuckets<>(1, 5, 100, this.now::get);

		for (int i = 0; i < 100_000; i++) {
			perAddress.acquire("10.0." + (i / 256) + "." + (i % 256));
			assertThat(perAddress.size()).isLessThanOrEqualTo(100);
		}
	}

	@Test
	void idleClientsAreForgottenBeforeOnesThatAreHeldToTheirRate() {
		TokenBuckets<String> perAddress = new TokenBuckets<>(1, 5, 10, this.now::get);
		for (int i = 0; i < 9; i++) {
			perAddress.acquire("idle-" + i);
		}
		this.now.addAndGet(1_000_000_000L);
		for (int i = 0; i < 6; i++) {
			perAddress.acquire("limited");
		}

		perAddress.acquire("newcomer");

		assertThat(perAddress.size()).isEqualTo(2);
		assertThat(perAddress.waitFor("limited")).isPositive();
	}

}
