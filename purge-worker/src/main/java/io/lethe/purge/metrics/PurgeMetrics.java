package io.lethe.purge.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The purge worker's own meters, exported at {@code /actuator/prometheus}: what purges
 * delete per store (a rate in Prometheus gives deletes per second), how jobs end and how
 * long they take, retries, dead letters and receipts. Jobs by state are gauges of
 * {@link JobStateGauges}.
 */
@Component
public class PurgeMetrics {

	/** The stores a purge deletes from, as the {@code store} tag names them. */
	public static final List<String> STORES = List.of("vectors", "objects", "rows");

	private final MeterRegistry registry;

	private final Map<String, Counter> deleted = new ConcurrentHashMap<>();

	private final Counter storeRetries;

	private final Counter attemptRetries;

	private final Counter deadLetters;

	private final Counter receiptsIssued;

	PurgeMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (String store : STORES) {
			this.deleted.put(store,
					Counter.builder("lethe.purge.deleted")
						.description("Items a purge deleted, per store: vectors, object versions, catalog rows")
						.tag("store", store)
						.register(registry));
		}
		this.storeRetries = Counter.builder("lethe.purge.store.retries")
			.description("Store calls retried inside a purge step after a transient error")
			.register(registry);
		this.attemptRetries = Counter.builder("lethe.purge.retries")
			.description("Purge attempts that failed and were scheduled again")
			.register(registry);
		this.deadLetters = Counter.builder("lethe.deletions.dead.letters")
			.description("Deletion records sent to lethe.deletions.DLT")
			.register(registry);
		this.receiptsIssued = Counter.builder("lethe.receipts.issued")
			.description("Signed purge receipts issued")
			.register(registry);
		for (boolean valid : new boolean[] { true, false }) {
			verificationCounter(valid);
		}
		for (String outcome : List.of("completed", "failed", "cancelled")) {
			endedCounter(outcome);
		}
	}

	/** {@code store} is one of {@link #STORES}. */
	public void deleted(String store, long count) {
		Counter counter = this.deleted.get(store);
		if (counter == null) {
			throw new IllegalArgumentException("Unknown store " + store);
		}
		counter.increment(count);
	}

	public void storeRetried() {
		this.storeRetries.increment();
	}

	public void attemptRetried() {
		this.attemptRetries.increment();
	}

	public void deadLettered() {
		this.deadLetters.increment();
	}

	public void receiptIssued() {
		this.receiptsIssued.increment();
	}

	public void receiptVerified(boolean valid) {
		verificationCounter(valid).increment();
	}

	/**
	 * A job ended; {@code duration} (from the purge's start to its end, over every
	 * attempt) is known for a completed one.
	 */
	public void jobEnded(String rootType, String outcome, Duration duration) {
		endedCounter(outcome).increment();
		if (duration != null) {
			Timer.builder("lethe.purge.duration")
				.description("From a purge's start to its completion, over every attempt")
				.tag("root_type", rootType)
				.publishPercentileHistogram()
				.register(this.registry)
				.record(duration);
		}
	}

	private Counter verificationCounter(boolean valid) {
		return Counter.builder("lethe.receipts.verifications")
			.description("Receipts checked against the signing key, by result")
			.tag("result", valid ? "valid" : "invalid")
			.register(this.registry);
	}

	private Counter endedCounter(String outcome) {
		return Counter.builder("lethe.purge.jobs.ended")
			.description("Purge jobs that ended, by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
