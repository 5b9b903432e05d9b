package io.lethe.purge.engine;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.lethe.purge.metrics.StoreRequests;

/**
 * An executor whose tasks count their store requests for the step that submitted them
 * ({@link StoreRequests}).
 */
final class StepTasks extends AbstractExecutorService {

	private final ExecutorService threads;

	StepTasks(ExecutorService threads) {
		this.threads = threads;
	}

	@Override
	public void execute(Runnable task) {
		this.threads.execute(StoreRequests.propagating(task));
	}

	@Override
	public void shutdown() {
		this.threads.shutdown();
	}

	@Override
	public List<Runnable> shutdownNow() {
		return this.threads.shutdownNow();
	}

	@Override
	public boolean isShutdown() {
		return this.threads.isShutdown();
	}

	@Override
	public boolean isTerminated() {
		return this.threads.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.threads.awaitTermination(timeout, unit);
	}

}
