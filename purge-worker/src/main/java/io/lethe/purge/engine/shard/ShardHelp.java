package io.lethe.purge.engine.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.lethe.purge.engine.store.OrgAssetSweep;
import io.lethe.purge.metrics.StoreRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A worker's help with the shards of jobs other workers hold: it claims shards of jobs
 * that run under another worker's live lease, rebuilds each shard's listing from the
 * job's assets ({@link OrgAssetSweep#shard}) and empties it as the job's own worker would
 * ({@link ShardWork}). The shards of this worker's own jobs are left to their own loop.
 * Its shards are leased to {@code {worker}/helper}, so that a helper never shares a lease
 * with its own worker's loop.
 */
@Component
public class ShardHelp implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ShardHelp.class);

	private final ShardTasks tasks;

	private final ShardWork work;

	private final OrgAssetSweep sweep;

	private final ShardProperties properties;

	private final StoreRequests requests;

	private final ExecutorService threads;

	ShardHelp(ShardTasks tasks, ShardWork work, OrgAssetSweep sweep, ShardProperties properties,
			StoreRequests requests) {
		this.requests = requests;
		this.tasks = tasks;
		this.work = work;
		this.sweep = sweep;
		this.properties = properties;
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "purge-shard-help-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Claims up to {@code max} shards other workers' jobs wait for and empties them at
	 * once, then returns.
	 * @return how many of them this worker completed
	 */
	public int help(String worker, int max) {
		String owner = worker + "/helper";
		List<Future<Boolean>> running = new ArrayList<>();
		for (int i = 0; i < max; i++) {
			Optional<ShardLease> claimed = this.tasks.claimToHelp(worker, owner, this.properties.lease(),
					this.properties.helpAttempts());
			if (claimed.isEmpty()) {
				break;
			}
			ShardLease lease = claimed.get();
			logger.info("Worker {} helps purge job {} with shard {} ({}), attempt {}", worker, lease.jobId(),
					lease.shard(), lease.prefix(), lease.attempts());
			// its store requests count for the shard's step, as the job's own worker's do
			running.add(this.threads.submit(() -> this.requests.inStep(lease.step(), () -> emptied(lease))));
		}
		return awaitAll(running);
	}

	private boolean emptied(ShardLease lease) {
		return this.work.empty(lease, this.sweep.shard(lease.jobId(), lease.orgId(), lease.prefix()), () -> {
		});
	}

	/** Waits for every shard claimed; a dying worker's error goes on up. */
	private static int awaitAll(List<Future<Boolean>> running) {
		int done = 0;
		Error died = null;
		for (Future<Boolean> shard : running) {
			try {
				done += shard.get() ? 1 : 0;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof Error error) {
					died = (died != null) ? died : error;
				}
				else {
					logger.warn("A shard this worker helped with failed; it is claimable again: {}",
							ex.getCause().toString());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (died != null) {
			throw died;
		}
		return done;
	}

	@Override
	public void destroy() {
		this.threads.shutdownNow();
	}

}
