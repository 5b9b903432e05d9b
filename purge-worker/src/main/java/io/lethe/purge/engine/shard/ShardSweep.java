package io.lethe.purge.engine.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.PurgeStepException;
import io.lethe.purge.engine.store.OrgAssetSweep;
import io.lethe.purge.engine.store.PrefixListing;
import io.lethe.purge.job.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A job's own worker through the shards of its step: publishes them as shard tasks, then
 * claims and empties them, several at once, while other workers may claim and empty
 * others ({@link ShardHelp}). When every shard left is claimed by another worker it waits
 * a moment and looks again: a shard whose worker died becomes claimable once its lease
 * lapses, and this worker redoes it. It returns only once every shard is done, with what
 * all of them deleted, whoever deleted it.
 */
@Component
public class ShardSweep {

	private static final Logger logger = LoggerFactory.getLogger(ShardSweep.class);

	private final ShardTasks tasks;

	private final ShardWork work;

	private final OrgAssetSweep sweep;

	private final ShardProperties properties;

	private final ExecutorService listings;

	private final int inFlight;

	ShardSweep(ShardTasks tasks, ShardWork work, OrgAssetSweep sweep, ShardProperties properties,
			EngineProperties engine, @Qualifier("prefixListings") ExecutorService listings) {
		this.tasks = tasks;
		this.work = work;
		this.sweep = sweep;
		this.properties = properties;
		this.listings = listings;
		this.inFlight = engine.prefixesInFlight();
	}

	/**
	 * A step that starts afresh (a first run, or a run again after verification found
	 * something left) forgets the shards of an earlier round of it, all done, so that it
	 * lists them all again. Called before the step records that it started, so that a
	 * step resumed after a crash never mistakes an earlier round's shards for its own.
	 */
	public void restart(Lease job, String step) {
		this.tasks.forget(job, step);
	}

	/**
	 * Empties the shards of the job's step, under the job's lease.
	 * @return the object versions the shards' runs deleted, on every worker
	 * @throws io.lethe.purge.job.LeaseLostException when the job's lease is lost
	 */
	public long empty(Lease job, String step, List<PrefixListing> shards) {
		this.tasks.publish(job, step, shards.stream().map(PrefixListing::prefix).toList());
		Map<String, PrefixListing> listings = shards.stream()
			.collect(Collectors.toMap(PrefixListing::prefix, Function.identity(), (first, second) -> first));
		Semaphore slots = new Semaphore(this.inFlight);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Future<?>> running = new ArrayList<>();
		try {
			while (true) {
				job.ensureHeld();
				raise(failure);
				acquire(slots);
				Optional<ShardLease> claimed = this.tasks.claimOwn(job, step, this.properties.lease());
				if (claimed.isPresent()) {
					ShardLease lease = claimed.get();
					running.add(submit(() -> emptyOne(lease, listingOf(lease, listings), job, failure), slots));
					running.removeIf(Future::isDone);
				}
				else {
					slots.release();
					if (this.tasks.undone(job.jobId(), step) == 0) {
						break;
					}
					pause(slots, running);
				}
			}
		}
		finally {
			awaitAll(running);
		}
		raise(failure);
		return this.tasks.deleted(job.jobId(), step);
	}

	private void emptyOne(ShardLease lease, PrefixListing listing, Lease job, AtomicReference<Throwable> failure) {
		try {
			if (!this.work.empty(lease, listing, job::ensureHeld)) {
				logger.warn("Purge job {}: shard {} was lost to another worker, which finishes it", job.jobId(),
						lease.shard());
			}
		}
		catch (RuntimeException | Error ex) {
			failure.compareAndSet(null, ex);
		}
	}

	/**
	 * A shard published by an earlier run whose shards were cut otherwise is still a
	 * prefix under the org's assets, and listed as a helper would list it.
	 */
	private PrefixListing listingOf(ShardLease lease, Map<String, PrefixListing> listings) {
		PrefixListing listing = listings.get(lease.prefix());
		return (listing != null) ? listing : this.sweep.shard(lease.jobId(), lease.orgId(), lease.prefix());
	}

	private Future<?> submit(Runnable task, Semaphore slots) {
		try {
			return this.listings.submit(() -> {
				try {
					task.run();
				}
				finally {
					slots.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			slots.release();
			throw new PurgeStepException("Prefix listings are shut down", ex);
		}
	}

	private static void raise(AtomicReference<Throwable> failure) {
		Throwable failed = failure.get();
		if (failed instanceof Error error) {
			throw error;
		}
		if (failed != null) {
			throw (RuntimeException) failed;
		}
	}

	private static void acquire(Semaphore slots) {
		try {
			slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PurgeStepException("Interrupted while emptying shards", ex);
		}
	}

	/**
	 * Waits until one of this worker's shards under way ends (its slot comes back: the
	 * step may be done) or, for shards that other workers hold, the recheck interval
	 * passes. A small job's one shard ends the step as soon as it is done, not at the
	 * next recheck.
	 */
	private void pause(Semaphore slots, List<Future<?>> running) {
		running.removeIf(Future::isDone);
		int oneMoreThanFree = this.inFlight - running.size() + 1;
		try {
			if (slots.tryAcquire(oneMoreThanFree, this.properties.recheck().toMillis(), TimeUnit.MILLISECONDS)) {
				slots.release(oneMoreThanFree);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PurgeStepException("Interrupted while waiting for shards of other workers", ex);
		}
	}

	/**
	 * Waits for the shards under way without raising their failures: once the step stops,
	 * nothing it started may still write afterwards.
	 */
	private static void awaitAll(List<Future<?>> running) {
		for (Future<?> task : running) {
			try {
				task.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
