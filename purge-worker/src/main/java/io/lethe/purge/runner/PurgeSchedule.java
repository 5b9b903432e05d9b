package io.lethe.purge.runner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs the purge on its schedule: the cron of {@code lethe.purge.schedule.cron} (twice a
 * day off-peak by default), or every {@code lethe.purge.schedule.interval} when that is
 * set (tests and {@code make run}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PurgeSchedule implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(PurgeSchedule.class);

	private final PurgeRunner runner;

	private final DueJobRuns runs;

	private final RunnerProperties properties;

	PurgeSchedule(PurgeRunner runner, DueJobRuns runs, RunnerProperties properties) {
		this.runner = runner;
		this.runs = runs;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		RunnerProperties.Schedule schedule = this.properties.schedule();
		if (schedule.interval() != null && !schedule.interval().isZero()) {
			registrar.addFixedDelayTask(this.runs::run, schedule.interval());
			logger.info("Purge runs every {} (worker {})", schedule.interval(), this.runner.workerId());
		}
		else if (!"-".equals(schedule.cron())) {
			CronExpression.parse(schedule.cron());
			registrar.addCronTask(this.runs::run, schedule.cron());
			logger.info("Purge runs on cron '{}' (worker {})", schedule.cron(), this.runner.workerId());
		}
		else {
			logger.info("Purge runs only on demand (no schedule)");
		}
	}

}
