package io.lethe.purge.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the orphan reconciler runs ({@code lethe.reconcile.*}).
 *
 * @param safetyAge nothing younger than this is touched, so that writes in flight are
 * never raced; a request may ask for more
 * @param minSafetyAge the least safety age a request may ask for
 * @param uploadMaxAge a multipart upload the catalog recorded this long ago is abandoned
 * @param schedule the reconciler's own runs
 * @param poll how often requested runs are looked for
 * @param lease a running run that has not reported for this long is taken to be dead
 * @param keysPerChunk object keys judged together (one catalog lookup per chunk)
 * @param objectBatch object versions per DeleteObjects request (at most 1,000)
 * @param objectsInFlight DeleteObjects requests in flight at once
 * @param samplesPerKind keys the report names per kind of orphan
 * @param vectorChunk orphan vectors judged and deleted per statement
 * @param vectorSpace when the vector collections are vacuumed and rebuilt
 */
@ConfigurationProperties("lethe.reconcile")
record ReconcileProperties(@DefaultValue("PT1H") Duration safetyAge, @DefaultValue("PT1H") Duration minSafetyAge,
		@DefaultValue("P7D") Duration uploadMaxAge, @DefaultValue Schedule schedule,
		@DefaultValue("PT5S") Duration poll, @DefaultValue("PT5M") Duration lease,
		@DefaultValue("500") int keysPerChunk, @DefaultValue("1000") int objectBatch,
		@DefaultValue("4") int objectsInFlight, @DefaultValue("20") int samplesPerKind,
		@DefaultValue("1000") int vectorChunk, @DefaultValue VectorSpacePolicy vectorSpace) {

	ReconcileProperties {
		if (safetyAge.isNegative() || minSafetyAge.isNegative() || safetyAge.compareTo(minSafetyAge) < 0) {
			throw new IllegalArgumentException("lethe.reconcile.safety-age must be at least min-safety-age (>= 0)");
		}
		if (objectBatch < 1 || objectBatch > 1000) {
			throw new IllegalArgumentException("lethe.reconcile.object-batch must be 1..1000");
		}
		if (keysPerChunk < 1 || objectsInFlight < 1 || samplesPerKind < 0 || vectorChunk < 1) {
			throw new IllegalArgumentException("lethe.reconcile chunk sizes must be positive");
		}
		if (poll.isZero() || poll.isNegative() || lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("lethe.reconcile.poll must be positive and lease at least 1s");
		}
	}

	/** The safety age a run uses: the one asked for, never below the minimum. */
	Duration safetyAgeFor(Duration requested) {
		Duration asked = (requested != null) ? requested : this.safetyAge;
		return (asked.compareTo(this.minSafetyAge) < 0) ? this.minSafetyAge : asked;
	}

	/**
	 * @param cron the reconciler's own runs, by default daily off-peak (after the night's
	 * purge); {@code -} for none
	 * @param dryRun whether scheduled runs only report
	 */
	record Schedule(@DefaultValue("0 30 4 * * *") String cron, @DefaultValue("false") boolean dryRun) {
	}

	/**
	 * @param vacuumDeadFraction a collection whose dead tuples make up this fraction is
	 * vacuumed (one the run deleted from always is)
	 * @param reindexDeadFraction a collection whose rows retired since its last rebuild
	 * make up this fraction has its indexes rebuilt ({@code REINDEX CONCURRENTLY})
	 * @param lockTimeoutSeconds how long a rebuild waits for its locks before it gives up
	 * until the next run
	 */
	record VectorSpacePolicy(@DefaultValue("0.05") double vacuumDeadFraction,
			@DefaultValue("0.2") double reindexDeadFraction, @DefaultValue("30") int lockTimeoutSeconds) {
	}

}
