package io.lethe.purge.reconcile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The reconciler's own thread: it looks for requested runs every {@code poll} and asks
 * for a run on {@code schedule.cron} (daily off-peak by default; {@code -} for none). A
 * run can take long on a big bucket, so it never runs on the purge runner's scheduler.
 */
@Component
class ReconcileSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileSchedule.class);

	private final ReconcileRunner runner;

	private final ReconcileProperties properties;

	private ThreadPoolTaskScheduler scheduler;

	ReconcileSchedule(ReconcileRunner runner, ReconcileProperties properties) {
		this.runner = runner;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("lethe-reconcile-");
		scheduler.setWaitForTasksToCompleteOnShutdown(false);
		scheduler.setErrorHandler((ex) -> logger.warn("Reconcile task failed: {}", ex.getMessage(), ex));
		scheduler.initialize();
		scheduler.scheduleWithFixedDelay(this.runner::runRequested, this.properties.poll());
		String cron = this.properties.schedule().cron();
		if (!"-".equals(cron)) {
			scheduler.schedule(this.runner::requestScheduled, new CronTrigger(cron));
			logger.info("Reconcile runs on cron '{}' ({})", cron,
					this.properties.schedule().dryRun() ? "dry runs" : "real runs");
		}
		else {
			logger.info("Reconcile runs only on request (no schedule)");
		}
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
