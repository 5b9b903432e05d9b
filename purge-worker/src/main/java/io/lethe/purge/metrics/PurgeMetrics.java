package io.lethe.purge.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The purge worker's own meters, exported at {@code /actuator/prometheus}: what purges
 * delete per store (a rate in Prometheus gives deletes per second), how jobs end and how
 * long they take and each step of them, what verification found left, retries, dead
 * letters and receipts. Jobs by state are gauges of {@link JobStateGauges}.
 */
@Component
public class PurgeMetrics {

	/** The stores a purge deletes from, as the {@code store} tag names them. */
	public static final List<String> STORES = List.of("vectors", "objects", "rows");

	/**
	 * Fixed buckets for step durations: a step takes milliseconds on a small root and an
	 * hour on a large one. Fifteen buckets per step keep the series few, where a
	 * percentile histogram would publish seventy.
	 */
	private static final Duration[] STEP_BUCKETS = LongStream
		.of(10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000)
		.mapToObj(Duration::ofMillis)
		.toArray(Duration[]::new);

	private final MeterRegistry registry;

	private final Map<String, Counter> deleted = new ConcurrentHashMap<>();

	private final Map<String, Counter> residue = new ConcurrentHashMap<>();

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
			this.residue.put(store,
					Counter.builder("lethe.purge.verify.residue")
						.description("What verify steps found left, per store: vectors, object versions and "
								+ "unfinished uploads, catalog rows (each sends its job back to the fence)")
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

	/**
	 * Registers the meters of a root type's plan before its first job, so that dashboards
	 * and alerts find every series (at zero) from start-up on.
	 */
	public void plan(String rootType, List<String> steps) {
		for (String step : steps) {
			stepTimer(rootType, step);
		}
		durationTimer(rootType);
	}

	/**
	 * The timer of one step of a root type's plan, for each run of it, whatever its
	 * result.
	 */
	public Timer stepTimer(String rootType, String step) {
		return Timer.builder("lethe.purge.step.duration")
			.description("Each run of a purge step, by step and root type, whatever its result")
			.tag("step", step)
			.tag("root_type", rootType)
			.serviceLevelObjectives(STEP_BUCKETS)
			.register(this.registry);
	}

	/**
	 * What a verify step found left in a store; {@code store} is one of {@link #STORES}.
	 */
	public void residue(String store, long count) {
		Counter counter = this.residue.get(store);
		if (counter == null) {
			throw new IllegalArgumentException("Unknown store " + store);
		}
		if (count > 0) {
			counter.increment(count);
		}
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
			durationTimer(rootType).record(duration);
		}
	}

	/**
	 * A shard task ended on a worker: {@code done}, {@code lost} (its lease went to
	 * another worker, which finishes it) or {@code failed} (given up for another try).
	 */
	public void shardTask(String outcome, String worker) {
		Counter.builder("lethe.purge.shard.tasks")
			.description("Shard tasks of purge steps that ended on a worker, by outcome and worker")
			.tag("outcome", outcome)
			.tag("worker", worker)
			.register(this.registry)
			.increment();
	}

	private Timer durationTimer(String rootType) {
		return Timer.builder("lethe.purge.duration")
			.description("From a purge's start to its completion, over every attempt")
			.tag("root_type", rootType)
			.publishPercentileHistogram()
			.register(this.registry);
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
