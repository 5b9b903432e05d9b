package io.lethe.purge.runner;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lethe.purge.job.JobsDue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The runs of this worker's runner, one at a time, from the schedule and from jobs that
 * became due at once. A request that arrives while a run is under way is folded into one
 * more run after it, so the runner never runs twice side by side in one worker, and a job
 * that became due during a run is never left for the next tick. Other workers claim jobs
 * on their own; a job is claimed by one of them only.
 */
@Component
class DueJobRuns implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DueJobRuns.class);

	private final boolean startOnEvent;

	private final SerialRuns runs;

	private final AtomicBoolean queued = new AtomicBoolean();

	private final ExecutorService starter = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "purge-on-event");
		thread.setDaemon(true);
		return thread;
	});

	private final Counter eventStarts;

	DueJobRuns(PurgeRunner runner, RunnerProperties properties, MeterRegistry registry) {
		this.runs = new SerialRuns(runner::runDueJobs);
		this.eventStarts = Counter.builder("lethe.purge.event.starts")
			.description("Runs of the runner started by a job that became due at once, not by the schedule")
			.register(registry);
		RunnerProperties.Schedule schedule = properties.schedule();
		// a worker without a schedule runs only when asked, and not on events either
		boolean scheduled = (schedule.interval() != null && !schedule.interval().isZero())
				|| !"-".equals(schedule.cron());
		this.startOnEvent = schedule.startOnEvent() && scheduled;
	}

	/**
	 * Runs every due job now, or has the run under way run again once it ends.
	 */
	void run() {
		this.runs.run();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void jobsDue(JobsDue event) {
		if (!this.startOnEvent || !this.queued.compareAndSet(false, true)) {
			return;
		}
		this.starter.execute(() -> {
			this.queued.set(false);
			this.eventStarts.increment();
			try {
				run();
			}
			catch (Throwable ex) {
				// as the schedule's own runs are: logged, and the next run tries again (a
				// thread of this executor must not die of it)
				logger.warn("Starting a due {} job at once failed; the schedule will: {}", event.rootType(),
						ex.toString());
			}

		});
	}

	@Override
	public void destroy() {
		this.starter.shutdownNow();
	}

}
