package io.lethe.purge.engine.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.lethe.purge.engine.PurgeStepException;
import io.lethe.purge.job.LeaseLostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrefixTasksTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void runsNoMoreTasksAtOnceThanAllowed() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		try (PrefixTasks tasks = new PrefixTasks(this.executor, 3)) {
			for (int i = 0; i < 40; i++) {
				tasks.submit(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					pause(5);
					running.decrementAndGet();
					done.incrementAndGet();
				});
			}
			tasks.awaitAll();
		}
		assertThat(done).hasValue(40);
		assertThat(most.get()).isLessThanOrEqualTo(3);
	}

	@Test
	void runsTasksSideBySide() {
		// Each task waits at the barrier until all three are in: they can only pass it if
		// they run at the same time.
		CyclicBarrier together = new CyclicBarrier(3);
		AtomicInteger passed = new AtomicInteger();
		try (PrefixTasks tasks = new PrefixTasks(this.executor, 3)) {
			for (int i = 0; i < 3; i++) {
				tasks.submit(() -> {
					try {
						together.await(10, TimeUnit.SECONDS);
						passed.incrementAndGet();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
			tasks.awaitAll();
		}
		assertThat(passed).hasValue(3);
	}

	@Test
	void awaitAllWaitsForEveryTaskSubmittedSoFar() {
		AtomicInteger done = new AtomicInteger();
		try (PrefixTasks tasks = new PrefixTasks(this.executor, 4)) {
			for (int i = 0; i < 10; i++) {
				tasks.submit(() -> {
					pause(10);
					done.incrementAndGet();
				});
			}
			tasks.awaitAll();
			assertThat(done).hasValue(10);
		}
	}

	@Test
	void awaitAllRaisesAFailureAsTheTaskRaisedItAfterTheOthersEnded() {
		AtomicInteger done = new AtomicInteger();
		PrefixTasks tasks = new PrefixTasks(this.executor, 4);
		tasks.submit(() -> {
			throw new LeaseLostException(java.util.UUID.randomUUID(), "other-worker");
		});
		for (int i = 0; i < 5; i++) {
			tasks.submit(() -> {
				pause(10);
				done.incrementAndGet();
			});
		}
		assertThatExceptionOfType(LeaseLostException.class).isThrownBy(tasks::awaitAll);
		assertThat(done).hasValue(5);
		tasks.close();
	}

	@Test
	void closeWaitsForRunningTasksWithoutRaising() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger done = new AtomicInteger();
		PrefixTasks tasks = new PrefixTasks(this.executor, 2);
		tasks.submit(() -> {
			throw new IllegalStateException("store down");
		});
		tasks.submit(() -> {
			await(release);
			done.incrementAndGet();
		});
		Thread closer = new Thread(tasks::close);
		closer.start();
		closer.join(100);
		assertThat(closer.isAlive()).isTrue();
		release.countDown();
		closer.join(5000);
		assertThat(closer.isAlive()).isFalse();
		assertThat(done).hasValue(1);
	}

	@Test
	void aShutDownExecutorFailsTheStep() {
		this.executor.shutdownNow();
		PrefixTasks tasks = new PrefixTasks(this.executor, 2);
		assertThatExceptionOfType(PurgeStepException.class).isThrownBy(() -> tasks.submit(() -> {
		}));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
