package io.lethe.purge.engine;

import java.time.Duration;

import io.lethe.purge.engine.store.OrgAssetSweep;
import io.lethe.stores.retry.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the purge engine cuts its work ({@code lethe.purge.engine.*}): chunk sizes per
 * store, how many object-store batches are in flight, and the in-step retry of store
 * errors.
 *
 * @param vectorChunk vectors deleted per transaction
 * @param objectBatch object versions per DeleteObjects request (at most 1,000)
 * @param objectsInFlight DeleteObjects requests in flight at once
 * @param prefixesInFlight object-store prefixes listed (and verified) at once
 * @param orgSweepShare the share of its org's assets from which a job lists the org's
 * asset prefix once instead of each of its assets' ({@link OrgAssetSweep})
 * @param orgSweepOneShardAssets an org of at most this many assets has its asset prefix
 * listed as one shard, not 16
 * @param rowChunk catalog rows (keys) deleted by a purge's first transaction of rows
 * @param rowChunkMax most catalog rows deleted per transaction: chunks grow towards it
 * while they take less than half of {@code rowChunkTime}
 * @param rowChunkTime how long one transaction of rows may hold its locks: a chunk that
 * took longer halves the next
 * @param rowRanges ranges of keys each phase of uuid keys of the rows step is cut into,
 * deleted side by side on connections of their own (1: one after another)
 * @param prefixesPerCheckpoint object-store prefixes between two objects checkpoints
 * @param vacuumAfterVectors a purge that deleted more vectors than this vacuums the
 * collections it touched
 * @param storeRetry retry of store errors inside a step
 * @param holdRecheck how long a job of a dataset under legal hold waits before it looks
 * again (a release asks for the purge at once; this is the safety net)
 * @param inFlightWriteWindow how long an object write may take from its intent to its
 * object: while an intent under a job's prefixes is younger, its object may still land,
 * so the job is not verified yet
 * @param inFlightRecheck how long a job that waits for writes in flight waits before it
 * looks again
 */
@ConfigurationProperties("lethe.purge.engine")
public record EngineProperties(@DefaultValue("5000") int vectorChunk, @DefaultValue("1000") int objectBatch,
		@DefaultValue("4") int objectsInFlight, @DefaultValue("8") int prefixesInFlight,
		@DefaultValue("0.01") double orgSweepShare, @DefaultValue("2000") long orgSweepOneShardAssets,
		@DefaultValue("1000") int rowChunk, @DefaultValue("20000") int rowChunkMax,
		@DefaultValue("250ms") Duration rowChunkTime, @DefaultValue("2") int rowRanges,
		@DefaultValue("200") int prefixesPerCheckpoint, @DefaultValue("100000") long vacuumAfterVectors,
		RetryPolicy storeRetry, @DefaultValue("PT1H") Duration holdRecheck,
		@DefaultValue("PT2M") Duration inFlightWriteWindow, @DefaultValue("PT5S") Duration inFlightRecheck) {

	public EngineProperties {
		if (objectBatch < 1 || objectBatch > 1000) {
			throw new IllegalArgumentException("lethe.purge.engine.object-batch must be 1..1000");
		}
		if (orgSweepOneShardAssets < 0) {
			throw new IllegalArgumentException("lethe.purge.engine.org-sweep-one-shard-assets must not be negative");
		}
		if (vectorChunk < 1 || objectsInFlight < 1 || prefixesInFlight < 1 || rowChunk < 1
				|| prefixesPerCheckpoint < 1) {
			throw new IllegalArgumentException("lethe.purge.engine chunk sizes must be positive");
		}
		if (rowRanges < 1 || rowRanges > 16) {
			throw new IllegalArgumentException("lethe.purge.engine.row-ranges must be 1..16");
		}
		if (rowChunkMax < rowChunk || rowChunkTime.isNegative() || rowChunkTime.isZero()) {
			throw new IllegalArgumentException(
					"lethe.purge.engine.row-chunk-max must be at least row-chunk, row-chunk-time positive");
		}
		if (!(orgSweepShare > 0 && orgSweepShare <= 1)) {
			throw new IllegalArgumentException("lethe.purge.engine.org-sweep-share must be above 0 and at most 1");
		}
	}

	/** Store calls: 5 tries, waits doubling from 200 ms to 5 s, unless configured. */
	RetryPolicy storeRetryPolicy() {
		return (this.storeRetry != null) ? this.storeRetry
				: new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
	}

}
