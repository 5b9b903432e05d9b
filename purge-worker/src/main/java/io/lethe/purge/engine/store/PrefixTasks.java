package io.lethe.purge.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import io.lethe.purge.engine.PurgeStepException;

/**
 * Work on several object-store prefixes at once, at most {@code maxInFlight} of them.
 * Each prefix costs at least one listing round trip, and a dataset has one prefix per
 * asset: one at a time, a purge of 100,000 assets waits for 200,000 sequential round
 * trips (measured by {@code make bench}). The caller submits in order and calls
 * {@link #awaitAll()} before it checkpoints, so a checkpoint still means every prefix up
 * to it is done.
 */
public final class PrefixTasks implements AutoCloseable {

	private final ExecutorService executor;

	private final Semaphore slots;

	private final List<Future<?>> submitted = new ArrayList<>();

	public PrefixTasks(ExecutorService executor, int maxInFlight) {
		this.executor = executor;
		this.slots = new Semaphore(maxInFlight);
	}

	/** Runs the task once a slot is free; waits for one while all are busy. */
	public void submit(Runnable task) {
		try {
			this.slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PurgeStepException("Interrupted while listing prefixes", ex);
		}
		try {
			this.submitted.add(this.executor.submit(() -> {
				try {
					task.run();
				}
				finally {
					this.slots.release();
				}
			}));
		}
		catch (RejectedExecutionException ex) {
			this.slots.release();
			throw new PurgeStepException("Prefix listings are shut down", ex);
		}
	}

	/**
	 * Waits for every task submitted so far and raises the first failure (in submission
	 * order) as the task raised it.
	 */
	public void awaitAll() {
		RuntimeException failure = null;
		for (Future<?> task : this.submitted) {
			try {
				task.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				if (failure == null) {
					failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new PurgeStepException(ex.getCause().getMessage(), ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PurgeStepException("Interrupted while listing prefixes", ex);
			}
		}
		this.submitted.clear();
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Waits for the tasks still running without raising their failures: once a step
	 * stops, nothing it started may still write afterwards.
	 */
	@Override
	public void close() {
		for (Future<?> task : this.submitted) {
			try {
				task.get();
			}
			catch (ExecutionException ex) {
				// The step is already failing or done; this task's failure adds nothing.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.submitted.clear();
	}

}
