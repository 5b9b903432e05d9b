package io.lethe.purge.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.lethe.purge.metrics.PurgeMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	/** The threads that send DeleteObjects batches: bounded, one per batch in flight. */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService objectDeletions(EngineProperties properties) {
		AtomicInteger threads = new AtomicInteger();
		return Executors.newFixedThreadPool(properties.objectsInFlight(), (task) -> {
			Thread thread = new Thread(task, "purge-objects-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	StoreRetry storeRetry(EngineProperties properties, PurgeMetrics metrics) {
		return new StoreRetry(properties.storeRetry(), metrics::storeRetried);
	}

}
