package io.lethe.purge.runner;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.lethe.purge.job.Lease;
import io.lethe.purge.job.RunningJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Renews the leases of the jobs this worker runs, every third of the lease, on a thread
 * of its own so that a long store call never lets a lease lapse. A renewal that finds the
 * lease taken marks it lost, and the purge stops at its next step or chunk.
 */
@Component
class Heartbeats implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Heartbeats.class);

	private final RunningJobs jobs;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "purge-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	Heartbeats(RunningJobs jobs) {
		this.jobs = jobs;
	}

	ScheduledFuture<?> start(Lease lease) {
		long period = Math.max(100, lease.duration().toMillis() / 3);
		return this.timer.scheduleAtFixedRate(() -> beat(lease), period, period, TimeUnit.MILLISECONDS);
	}

	private void beat(Lease lease) {
		try {
			if (!this.jobs.heartbeat(lease)) {
				logger.warn("Lease on purge job {} was taken over; this worker stops it", lease.jobId());
				lease.markLost();
			}
		}
		catch (RuntimeException ex) {
			// The next beat tries again; the lease only lapses if beats keep failing.
			logger.warn("Heartbeat of purge job {} failed: {}", lease.jobId(), ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
