package io.lethe.purge.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.metrics.PurgeMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	/**
	 * The threads that send DeleteObjects batches: bounded, one per batch in flight. Its
	 * tasks count their requests for the step that submitted them, as do the listings'.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService objectDeletions(EngineProperties properties) {
		AtomicInteger threads = new AtomicInteger();
		return new StepTasks(Executors.newFixedThreadPool(properties.objectsInFlight(), (task) -> {
			Thread thread = new Thread(task, "purge-objects-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}));
	}

	/**
	 * The threads that list object-store prefixes for the objects and verify steps: one
	 * per prefix in flight. Apart from the deletions' threads, so that a listing waiting
	 * for a free batch slot can never hold up the batch that would free it.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService prefixListings(EngineProperties properties) {
		AtomicInteger threads = new AtomicInteger();
		return new StepTasks(Executors.newFixedThreadPool(properties.prefixesInFlight(), (task) -> {
			Thread thread = new Thread(task, "purge-prefixes-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}));
	}

	/**
	 * The threads that delete the rows step's ranges of keys beside the first, which runs
	 * on the step's own thread.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService rowRanges(EngineProperties properties) {
		AtomicInteger threads = new AtomicInteger();
		return new StepTasks(Executors.newFixedThreadPool(Math.max(1, properties.rowRanges() - 1), (task) -> {
			Thread thread = new Thread(task, "purge-rows-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}));
	}

	@Bean
	StoreRetry storeRetry(EngineProperties properties, PurgeMetrics metrics) {
		return new StoreRetry(properties.storeRetryPolicy(), metrics::storeRetried);
	}

}
