package io.lethe.purge.engine.shard;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.store.PrefixListing;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.engine.store.VersionBatches;
import io.lethe.purge.job.LeaseLostException;
import io.lethe.purge.metrics.PurgeMetrics;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Empties one claimed shard of its versions, whoever claimed it: its listing streamed
 * into DeleteObjects batches as the objects step does, under the shard's lease, which a
 * timer renews every third of it (recording what was deleted so far). The org's
 * unfinished uploads are the job's own worker's, in one listing for all shards
 * (RootObjects). A lost lease stops the listing at its next version, and nothing more is
 * written for the shard; a failure gives the shard up for another try. A redone shard
 * lists from its start, and finds only what its earlier runs left.
 */
@Component
public class ShardWork implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ShardWork.class);

	private final ObjectStore store;

	private final ShardTasks tasks;

	private final EngineProperties engine;

	private final StoreRetry retry;

	private final ExecutorService deletions;

	private final PurgeMetrics metrics;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "purge-shard-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ShardWork(ObjectStore store, ShardTasks tasks, EngineProperties engine, StoreRetry retry,
			@Qualifier("objectDeletions") ExecutorService deletions, PurgeMetrics metrics) {
		this.store = store;
		this.tasks = tasks;
		this.engine = engine;
		this.retry = retry;
		this.deletions = deletions;
		this.metrics = metrics;
	}

	/**
	 * Empties the shard while its lease (and {@code stillRunning}, which throws when the
	 * caller must stop) holds.
	 * @return whether the shard is done; false when its lease was lost first
	 * @throws LeaseLostException when {@code stillRunning} found the job's lease lost
	 */
	public boolean empty(ShardLease lease, PrefixListing listing, Runnable stillRunning) {
		long period = Math.max(50, lease.duration().toMillis() / 3);
		ScheduledFuture<?> heartbeat = this.timer.scheduleAtFixedRate(() -> renew(lease), period, period,
				TimeUnit.MILLISECONDS);
		try {
			Runnable held = () -> {
				stillRunning.run();
				lease.ensureHeld();
			};
			try (VersionBatches batches = new VersionBatches(this.store, this.deletions, this.engine.objectBatch(),
					this.engine.objectsInFlight(), this.retry, lease::deleted)) {
				// A listing that fails half way is listed again once the batches it
				// filled
				// are deleted, as in the objects step.
				this.retry.run("list versions under " + listing.prefix(), () -> {
					try (Stream<ObjectVersion> versions = listing.versions(this.store)) {
						versions.forEach((version) -> {
							held.run();
							batches.add(version);
						});
					}
				}, batches::drain);
				batches.drain();
			}
			heartbeat.cancel(false);
			synchronized (lease) {
				held.run();
				if (!this.tasks.complete(lease, lease.takeUnrecorded())) {
					lease.markLost();
					throw new ShardLeaseLostException(lease);
				}
			}
			this.metrics.shardTask("done", lease.owner());
			return true;
		}
		catch (RuntimeException ex) {
			if (ex instanceof LeaseLostException) {
				// the job's own worker lost the job: whoever takes it over redoes the
				// shard
				this.metrics.shardTask("lost", lease.owner());
				throw ex;
			}
			if (lostShard(ex)) {
				logger.warn("Shard {} of purge job {} stopped: {}", lease.shard(), lease.jobId(), ex.getMessage());
				this.metrics.shardTask("lost", lease.owner());
				return false;
			}
			this.metrics.shardTask("failed", lease.owner());
			heartbeat.cancel(false);
			giveUp(lease);
			throw ex;
		}
		finally {
			heartbeat.cancel(false);
		}
	}

	private void renew(ShardLease lease) {
		synchronized (lease) {
			long deleted = lease.takeUnrecorded();
			try {
				if (!this.tasks.renew(lease, deleted)) {
					logger.warn("Lease of {} on shard {} of purge job {} is lost; its work stops", lease.owner(),
							lease.shard(), lease.jobId());
					lease.markLost();
				}
			}
			catch (RuntimeException ex) {
				// The next renewal tries again; the lease only lapses if renewals keep
				// failing.
				lease.giveBack(deleted);
				logger.warn("Renewing the lease on shard {} of purge job {} failed: {}", lease.shard(), lease.jobId(),
						ex.getMessage());
			}
		}
	}

	/** A failed shard is claimable again at once, with what it deleted recorded. */
	private void giveUp(ShardLease lease) {
		synchronized (lease) {
			try {
				if (!lease.lost()) {
					this.tasks.release(lease, lease.takeUnrecorded());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Giving up shard {} of purge job {} failed, its lease will lapse: {}", lease.shard(),
						lease.jobId(), ex.getMessage());
			}
		}
	}

	private static boolean lostShard(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ShardLeaseLostException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
