package io.lethe.purge.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerialRunsTests {

	@Test
	void requestsDuringARunAreFoldedIntoOneMoreRunAndNeverRunSideBySide() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostInside = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		SerialRuns serial = new SerialRuns(() -> {
			mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
			if (runs.incrementAndGet() == 1) {
				firstStarted.countDown();
				await(releaseFirst);
			}
			inside.decrementAndGet();
		});
		Thread first = new Thread(serial::run);
		first.start();
		await(firstStarted);

		// three requests while the first run is under way: each returns at once
		for (int i = 0; i < 3; i++) {
			Thread request = new Thread(serial::run);
			request.start();
			request.join(5_000);
			assertThat(request.isAlive()).isFalse();
		}
		releaseFirst.countDown();
		first.join(5_000);

		assertThat(runs).hasValue(2);
		assertThat(mostInside).hasValue(1);
	}

	@Test
	void aRequestAfterARunEndedRunsAgain() {
		AtomicInteger runs = new AtomicInteger();
		SerialRuns serial = new SerialRuns(runs::incrementAndGet);

		serial.run();
		serial.run();

		assertThat(runs).hasValue(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
