package io.lethe.purge.engine;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.lethe.purge.engine.store.JobPrefixes;
import io.lethe.purge.engine.store.OrgAssetSweep;
import io.lethe.purge.engine.store.PrefixListing;
import io.lethe.purge.engine.store.PrefixTasks;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.receipt.PrefixDigest;
import io.lethe.purge.receipt.PurgeFacts;
import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Looks again, in every store, for anything the job purges: catalog rows and vectors as
 * its {@link PurgeScope} counts them, object versions and unfinished uploads under every
 * prefix of the job (its assets' through the org's shards when the objects step would
 * list them so, {@link OrgAssetSweep}). Nothing may be left: any residue fails the
 * attempt loudly (its error says what is left) and sends the job back to the fence, so
 * the next attempt deletes it again; there is never a receipt for a purge that left
 * something. Nor for one under whose prefixes a write may still land an object
 * ({@link InFlightWrites}): the job waits for it first. The prefixes go into the receipt
 * as a count and a digest.
 */
final class RootVerification implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootVerification.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Prefixes a page. Every prefix is read for the receipt's digest, and when the org's
	 * shards list the assets that is all an asset's prefix is read for: pages of 500 took
	 * 200 round trips for a dataset of 100,000 assets, these take 20. The listings of the
	 * others are bounded by {@link PrefixTasks}, whatever the page.
	 */
	private static final int PREFIX_PAGE = 5_000;

	private final PurgeScope scope;

	private final ObjectStore store;

	private final JobPrefixes prefixes;

	private final OrgAssetSweep sweep;

	private final StoreRetry retry;

	private final ExecutorService listings;

	private final int prefixesInFlight;

	private final InFlightWrites inFlight;

	RootVerification(PurgeScope scope, ObjectStore store, JobPrefixes prefixes, OrgAssetSweep sweep, StoreRetry retry,
			ExecutorService listings, EngineProperties properties, InFlightWrites inFlight) {
		this.inFlight = inFlight;
		this.scope = scope;
		this.store = store;
		this.prefixes = prefixes;
		this.sweep = sweep;
		this.retry = retry;
		this.listings = listings;
		this.prefixesInFlight = properties.prefixesInFlight();
	}

	@Override
	public String name() {
		return "verify";
	}

	@Override
	public StepResult run(PurgeRun run) {
		PurgeJob job = run.job();
		UUID root = job.rootId();
		StepResult waiting = this.inFlight.check(run);
		if (waiting != null) {
			return waiting;
		}
		boolean sweeping = this.sweep.applies(job);
		AtomicLong versions = new AtomicLong();
		AtomicLong uploads = new AtomicLong();
		PrefixDigest covered = new PrefixDigest();
		long rows;
		long vectors;
		int last = -1;
		List<JobPrefixes.JobPrefix> page;
		try (PrefixTasks tasks = new PrefixTasks(this.listings, this.prefixesInFlight)) {
			// The object store's listings first, each a round trip: the catalog and the
			// index are counted while they are under way.
			if (sweeping) {
				for (PrefixListing shard : this.sweep.shards(job)) {
					run.lease().ensureHeld();
					tasks.submit(() -> versions.addAndGet(versionsLeft(shard)));
				}
				PrefixListing all = this.sweep.uploads(job);
				tasks.submit(() -> uploads.addAndGet(uploadsLeft(all)));
			}
			while (!(page = this.prefixes.page(job.id(), last, PREFIX_PAGE)).isEmpty()) {
				for (JobPrefixes.JobPrefix prefix : page) {
					covered.add(prefix.prefix());
					last = prefix.ordinal();
					if (!sweeping || prefix.assetId() == null) {
						run.lease().ensureHeld();
						count(PrefixListing.whole(prefix.prefix()), tasks, versions, uploads);
					}
				}
			}
			rows = this.retry.call("count rows", () -> this.scope.rowsLeft(job));
			vectors = this.retry.call("count vectors", () -> this.scope.vectorsLeft(job));
			tasks.awaitAll();
		}
		PurgeFacts.Verification verification = covered.verification(rows, vectors, versions.get(), uploads.get());
		if (covered.count() == 0 || !verification.clean()) {
			String residue = "Verification of " + job.rootType() + " " + root + " found residue: " + rows + " rows, "
					+ vectors + " vectors, " + versions.get() + " object versions, " + uploads.get()
					+ " multipart uploads left under " + covered.count() + " prefixes";
			logger.error("Purge job {} for {} {}: {}", job.id(), job.rootType(), root, residue);
			run.residue(rows, vectors, versions.get() + uploads.get());
			run.rewind(PurgeJob.FIRST_STEP);
			throw new PurgeStepException(residue);
		}
		run.verified(JSON.writeValueAsString(verification));
		logger.info("Purge job {} for {} {}: verified, nothing left under {} prefixes{}", job.id(), job.rootType(),
				root, covered.count(), sweeping ? " (the assets' listed through the org's shards)" : "");
		return StepResult.NEXT;
	}

	/** Versions and uploads are listed side by side: each listing is a round trip. */
	private void count(PrefixListing listing, PrefixTasks tasks, AtomicLong versions, AtomicLong uploads) {
		tasks.submit(() -> versions.addAndGet(versionsLeft(listing)));
		tasks.submit(() -> uploads.addAndGet(uploadsLeft(listing)));
	}

	private long versionsLeft(PrefixListing listing) {
		return this.retry.call("list versions under " + listing.prefix(), () -> {
			try (Stream<ObjectVersion> left = listing.versions(this.store)) {
				return left.count();
			}
		});
	}

	private long uploadsLeft(PrefixListing listing) {
		return this.retry.call("list uploads under " + listing.prefix(), () -> {
			try (Stream<MultipartUpload> left = listing.uploads(this.store)) {
				return left.count();
			}
		});
	}

}
