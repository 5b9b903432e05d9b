package io.lethe.purge.engine;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowChunkSizeTests {

	private static final long BUDGET = TimeUnit.MILLISECONDS.toNanos(250);

	@Test
	void chunksDoubleWhileFastUpToTheCeiling() {
		RootRows.ChunkSize size = new RootRows.ChunkSize(1000, 20_000, BUDGET);
		for (int i = 0; i < 3; i++) {
			size.took(TimeUnit.MILLISECONDS.toNanos(10));
		}
		assertThat(size.current()).isEqualTo(8000);
		for (int i = 0; i < 5; i++) {
			size.took(TimeUnit.MILLISECONDS.toNanos(10));
		}
		assertThat(size.current()).isEqualTo(20_000);
	}

	@Test
	void aSlowChunkHalvesTheNextAndOneWithinTheBudgetKeepsItsSize() {
		RootRows.ChunkSize size = new RootRows.ChunkSize(16_000, 20_000, BUDGET);
		size.took(TimeUnit.MILLISECONDS.toNanos(400));
		assertThat(size.current()).isEqualTo(8000);
		size.took(TimeUnit.MILLISECONDS.toNanos(200));
		assertThat(size.current()).isEqualTo(8000);
		for (int i = 0; i < 20; i++) {
			size.took(TimeUnit.SECONDS.toNanos(1));
		}
		assertThat(size.current()).isEqualTo(1);
	}

}
