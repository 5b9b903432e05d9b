package io.lethe.purge.runner;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.lethe.purge.engine.shard.ShardHelp;
import io.lethe.purge.engine.shard.ShardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Has this worker help with the shards of jobs other workers hold, every
 * {@code lethe.purge.shards.interval} ({@code in-flight} shards at once), on a thread of
 * its own so that the help never holds up this worker's own jobs, nor they the help. Off
 * with {@code lethe.purge.shards.enabled=false}.
 */
@Component
class ShardHelpers implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ShardHelpers.class);

	private final ShardHelp help;

	private final ShardProperties properties;

	private final String workerId;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "purge-shard-helpers");
		thread.setDaemon(true);
		return thread;
	});

	ShardHelpers(ShardHelp help, ShardProperties properties, PurgeRunner runner) {
		this.help = help;
		this.properties = properties;
		this.workerId = runner.workerId();
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.properties.enabled()) {
			logger.info("Worker {} does not help with other workers' shards", this.workerId);
			return;
		}
		long interval = this.properties.interval().toMillis();
		this.timer.scheduleWithFixedDelay(this::helpOnce, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void helpOnce() {
		try {
			this.help.help(this.workerId, this.properties.inFlight());
		}
		catch (Throwable ex) {
			// a failure of one round must not end the schedule; the next round tries
			// again
			logger.warn("Helping with other workers' shards failed: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
