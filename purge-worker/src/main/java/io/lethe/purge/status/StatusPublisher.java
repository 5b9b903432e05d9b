package io.lethe.purge.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.ReconcileRunUpdated;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the latest snapshot of every job and run whose status changed to
 * {@code lethe.purge-events}: jobs keyed by their root id (with the root's other events),
 * runs by their id. A version counts as published only once Kafka acknowledged it, so a
 * worker that dies in between sends it again; the reader keeps the highest version, so a
 * snapshot sent twice, or late, changes nothing. Intermediate versions may be skipped:
 * only the latest state matters. Runs on a thread of its own, every
 * {@code lethe.purge.status.publish-interval}, so that progress shows while a purge holds
 * the runner, and at once when a job of this worker moved to another step or ended
 * ({@link JobStatusChanged}): a small purge is over in a fraction of the interval, and
 * the command service would otherwise learn of it up to an interval late.
 */
@Component
class StatusPublisher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StatusPublisher.class);

	private final KafkaTemplate<String, Object> kafka;

	private final StatusRows rows;

	private final TransactionTemplate transactions;

	private final StatusProperties properties;

	private final AtomicBoolean woken = new AtomicBoolean();

	private final Counter wakes;

	private volatile ScheduledExecutorService timer;

	StatusPublisher(KafkaTemplate<String, Object> kafka, StatusRows rows, TransactionTemplate transactions,
			StatusProperties properties, MeterRegistry registry) {
		this.kafka = kafka;
		this.rows = rows;
		this.transactions = transactions;
		this.properties = properties;
		this.wakes = Counter.builder("lethe.purge.status.wakes")
			.description("Status rounds run at once because a job moved to another step or ended")
			.register(registry);
	}

	/**
	 * A round now, once the change committed. Changes that come while one is queued are
	 * folded into it; one that comes while a round runs queues the next, so the last
	 * change of a job is never left for the schedule.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void jobChanged(JobStatusChanged event) {
		ScheduledExecutorService executor = this.timer;
		if (executor == null || !this.woken.compareAndSet(false, true)) {
			return;
		}
		try {
			executor.execute(() -> {
				this.woken.set(false);
				this.wakes.increment();
				round();
			});
		}
		catch (RejectedExecutionException ex) {
			// stopping: the snapshot stays owed, and the next worker's round sends it
			this.woken.set(false);
		}
	}

	/**
	 * One round: sends every changed snapshot (up to the batch size of each kind).
	 * @return how many snapshots went out; 0 when another worker's round is under way
	 */
	int publishChanged() {
		Integer sent = this.transactions.execute((status) -> {
			if (!this.rows.takeTurn()) {
				return 0;
			}
			List<Sent> sends = new ArrayList<>();
			for (PurgeJobUpdated job : this.rows.changedJobs(this.properties.batch())) {
				sends.add(new Sent(UUID.fromString(job.getJobId()), job.getVersion(), true,
						this.kafka.send(Topics.PURGE_EVENTS, job.getRootId(), job)));
			}
			for (ReconcileRunUpdated run : this.rows.changedRuns(this.properties.batch())) {
				sends.add(new Sent(UUID.fromString(run.getRunId()), run.getVersion(), false,
						this.kafka.send(Topics.PURGE_EVENTS, run.getRunId(), run)));
			}
			int acknowledged = 0;
			for (Sent send : sends) {
				if (acknowledged(send)) {
					if (send.job()) {
						this.rows.jobPublished(send.id(), send.version());
					}
					else {
						this.rows.runPublished(send.id(), send.version());
					}
					acknowledged++;
				}
			}
			return acknowledged;
		});
		return (sent != null) ? sent : 0;
	}

	private boolean acknowledged(Sent send) {
		try {
			send.result().get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			// stays unpublished: the next round sends the then latest snapshot
			logger.warn("Status snapshot of {} {} not acknowledged: {}", send.job() ? "purge job" : "reconcile run",
					send.id(), ex.getMessage());
			return false;
		}
	}

	private void round() {
		try {
			publishChanged();
		}
		catch (RuntimeException ex) {
			// the versions stay unpublished; the next round tries again
			logger.warn("Publishing status snapshots failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "purge-status");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.publishInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdown();
			try {
				this.timer.awaitTermination(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

	private record Sent(UUID id, long version, boolean job, CompletableFuture<SendResult<String, Object>> result) {
	}

}
