package io.lethe.purge.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.S3ObjectStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the object store's requests (its round trips: every try, every listing page) by
 * the purge step that sent them, as {@code lethe.purge.store.requests} tagged with
 * {@code step}, {@code store} and {@code operation}. The step is the one the engine runs
 * on the sending thread, or the one that handed the task to a step's executor
 * ({@link #propagating}); requests sent outside a purge step (the reconciler) are not
 * counted here.
 */
@Component
public class StoreRequests {

	private static final ThreadLocal<String> STEP = new ThreadLocal<>();

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * @param stores every object store bean: the S3 one among them, under any wrapper
	 * that is the primary
	 */
	StoreRequests(MeterRegistry registry, List<ObjectStore> stores) {
		this.registry = registry;
		for (ObjectStore store : stores) {
			if (store instanceof S3ObjectStore s3) {
				s3.onRequest((operation) -> request("objects", operation));
			}
		}
	}

	/** Runs {@code work} as step {@code step}: the requests it sends count for it. */
	public <T> T inStep(String step, Supplier<T> work) {
		String outer = STEP.get();
		STEP.set(step);
		try {
			return work.get();
		}
		finally {
			restore(outer);
		}
	}

	/** {@code task} as a task of the step that submits it, on whatever thread runs it. */
	public static Runnable propagating(Runnable task) {
		String step = STEP.get();
		if (step == null) {
			return task;
		}
		return () -> {
			String outer = STEP.get();
			STEP.set(step);
			try {
				task.run();
			}
			finally {
				restore(outer);
			}
		};
	}

	private static void restore(String outer) {
		if (outer == null) {
			STEP.remove();
		}
		else {
			STEP.set(outer);
		}
	}

	private void request(String store, String operation) {
		String step = STEP.get();
		if (step == null) {
			return;
		}
		this.counters
			.computeIfAbsent(step + '/' + store + '/' + operation, (key) -> Counter
				.builder("lethe.purge.store.requests")
				.description(
						"Requests a purge step sent to a store (its round trips), by step, store and " + "operation")
				.tag("step", step)
				.tag("store", store)
				.tag("operation", operation)
				.register(this.registry))
			.increment();
	}

}
