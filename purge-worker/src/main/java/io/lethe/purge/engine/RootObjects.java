package io.lethe.purge.engine;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.lethe.catalog.contract.AssetPurgeStatements;
import io.lethe.catalog.contract.AssetPurgeStatements.RecordedUpload;
import io.lethe.purge.engine.shard.ShardSweep;
import io.lethe.purge.engine.store.JobPrefixes;
import io.lethe.purge.engine.store.OrgAssetSweep;
import io.lethe.purge.engine.store.PrefixListing;
import io.lethe.purge.engine.store.PrefixTasks;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.engine.store.VersionBatches;
import io.lethe.purge.job.Counter;
import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Empties every prefix of the job in the object store: every version and delete marker
 * (streamed from the listing into DeleteObjects batches, several in flight), then every
 * unfinished multipart upload, including those the catalog recorded for the job's assets
 * (wherever their keys are). Several listings run at once ({@link PrefixTasks}), a
 * prefix's versions beside its uploads; the job's assets, when they are a large enough
 * share of the org's, through the org's shards ({@link OrgAssetSweep}), which are shard
 * tasks that other workers may empty too ({@link ShardSweep}), and the org's uploads
 * listed once. The checkpoint names the mode and the last prefix known empty
 * ({@code prefix:N}, or {@code sweep:N} and then {@code swept} once the shards are empty
 * too); a resumed run keeps the mode and lists again from the next prefix, and versions
 * deleted before a crash are simply no longer listed. Public for the plans, which live in
 * their root types' packages.
 */
@Component
public class RootObjects implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootObjects.class);

	private static final String ONE_BY_ONE = "prefix:";

	private static final String SWEEP = "sweep:";

	private static final String SWEPT = "swept";

	private static final int PREFIX_PAGE = 500;

	private final ObjectStore store;

	private final JobPrefixes prefixes;

	private final OrgAssetSweep sweep;

	private final ShardSweep shards;

	private final AssetPurgeStatements catalog;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final ExecutorService deletions;

	private final ExecutorService listings;

	RootObjects(ObjectStore store, JobPrefixes prefixes, OrgAssetSweep sweep, ShardSweep shards,
			AssetPurgeStatements catalog, EngineProperties properties, StoreRetry retry,
			@Qualifier("objectDeletions") ExecutorService deletions,
			@Qualifier("prefixListings") ExecutorService listings) {
		this.store = store;
		this.prefixes = prefixes;
		this.sweep = sweep;
		this.shards = shards;
		this.catalog = catalog;
		this.properties = properties;
		this.retry = retry;
		this.deletions = deletions;
		this.listings = listings;
	}

	@Override
	public String name() {
		return "objects";
	}

	@Override
	public StepResult run(PurgeRun run) {
		UUID job = run.job().id();
		String checkpoint = run.checkpoint();
		boolean sweeping = (checkpoint == null) ? this.sweep.applies(run.job())
				: checkpoint.startsWith(SWEEP) || checkpoint.equals(SWEPT);
		String mode = sweeping ? SWEEP : ONE_BY_ONE;
		AtomicLong uploads = new AtomicLong();
		long listed = 0;
		if (!SWEPT.equals(checkpoint)) {
			int last = doneThrough(checkpoint);
			if (checkpoint == null) {
				if (sweeping) {
					this.shards.restart(run.lease(), name());
				}
				// The mode first, so that a resumed run keeps it, without waiting for the
				// first prefix's listing and deletes to end before the others start.
				run.checkpoint(mode + last);
			}
			// Closed in reverse order: the listings first, then the batches they filled.
			try (VersionBatches batches = new VersionBatches(this.store, this.deletions, this.properties.objectBatch(),
					this.properties.objectsInFlight(), this.retry, (deleted) -> run.progress(Counter.OBJECTS, deleted));
					PrefixTasks tasks = new PrefixTasks(this.listings, this.properties.prefixesInFlight())) {
				int sinceCheckpoint = 0;
				List<JobPrefixes.JobPrefix> page;
				while (!(page = sweeping ? this.prefixes.pageWithoutAssets(job, last, PREFIX_PAGE)
						: this.prefixes.page(job, last, PREFIX_PAGE))
					.isEmpty()) {
					for (JobPrefixes.JobPrefix prefix : page) {
						run.lease().ensureHeld();
						empty(PrefixListing.whole(prefix.prefix()), tasks, batches, uploads);
						listed++;
						last = prefix.ordinal();
						sinceCheckpoint++;
						if (sinceCheckpoint >= this.properties.prefixesPerCheckpoint()) {
							tasks.awaitAll();
							batches.drain();
							run.checkpoint(mode + last);
							sinceCheckpoint = 0;
						}
					}
				}
				long sharded = 0;
				if (sweeping) {
					PrefixListing all = this.sweep.uploads(run.job());
					tasks.submit(() -> uploads.addAndGet(abortUploads(all)));
					// The org's shards are shard tasks, which other workers may empty too
					// (engine.shard); they are all done, by whichever worker, when this
					// returns, with what every run of them deleted.
					sharded = this.shards.empty(run.lease(), name(), this.sweep.shards(run.job()));
				}
				tasks.awaitAll();
				batches.drain();
				if (sweeping) {
					run.progress(Counter.OBJECTS, sharded, SWEPT);
				}
				else if (sinceCheckpoint > 0) {
					run.checkpoint(mode + last);
				}
			}
		}
		uploads.addAndGet(abortRecordedUploads(run));
		logger.info("Purge job {} for {} {}: object versions deleted under {} prefixes{}, {} uploads aborted", job,
				run.job().rootType(), run.rootId(), listed, sweeping ? " and the org's asset shards" : "",
				uploads.get());
		return StepResult.NEXT;
	}

	/** Versions and uploads are listed side by side: each listing is a round trip. */
	private void empty(PrefixListing listing, PrefixTasks tasks, VersionBatches batches, AtomicLong uploads) {
		batches.listingAdded();
		tasks.submit(() -> {
			try {
				deleteVersions(listing, batches);
			}
			catch (RuntimeException | Error ex) {
				batches.listingFailed();
				throw ex;
			}
			batches.listingEnded();
		});
		tasks.submit(() -> uploads.addAndGet(abortUploads(listing)));
	}

	private void deleteVersions(PrefixListing listing, VersionBatches batches) {
		// A listing that fails half way is listed again once the batches it filled are
		// deleted, so no version is sent (or counted) twice.
		this.retry.run("list versions under " + listing.prefix(), () -> {
			try (Stream<ObjectVersion> versions = listing.versions(this.store)) {
				versions.forEach(batches::add);
			}
		}, batches::drain);
	}

	private long abortUploads(PrefixListing listing) {
		return this.retry.call("abort uploads under " + listing.prefix(), () -> {
			long aborted = 0;
			try (Stream<MultipartUpload> uploads = listing.uploads(this.store)) {
				for (Iterator<MultipartUpload> it = uploads.iterator(); it.hasNext();) {
					MultipartUpload upload = it.next();
					this.store.abortMultipartUpload(upload.key(), upload.uploadId());
					aborted++;
				}
			}
			return aborted;
		});
	}

	/** Uploads the catalog recorded for the job's assets, wherever their keys are. */
	private long abortRecordedUploads(PurgeRun run) {
		long aborted = 0;
		UUID after = JobPrefixes.BEFORE_ALL;
		List<RecordedUpload> recorded;
		while (!(recorded = this.catalog.uploadsOfJobAssets(run.job().id(), after, PREFIX_PAGE)).isEmpty()) {
			run.lease().ensureHeld();
			for (RecordedUpload upload : recorded) {
				this.retry.run("abort upload of " + upload.objectKey(),
						() -> this.store.abortMultipartUpload(upload.objectKey(), upload.uploadId()), () -> {
						});
				aborted++;
			}
			after = recorded.get(recorded.size() - 1).assetId();
		}
		return aborted;
	}

	/** The last prefix a {@code prefix:N} or {@code sweep:N} checkpoint knows empty. */
	private static int doneThrough(String checkpoint) {
		for (String mode : List.of(ONE_BY_ONE, SWEEP)) {
			if (checkpoint != null && checkpoint.startsWith(mode)) {
				return Integer.parseInt(checkpoint.substring(mode.length()));
			}
		}
		return -1;
	}

}
