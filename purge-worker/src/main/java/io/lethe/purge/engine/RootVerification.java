package io.lethe.purge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.lethe.purge.job.PurgeJob;
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
 * prefix of the job. Nothing may be left: any residue fails the attempt loudly (its error
 * says what is left) and sends the job back to the fence, so the next attempt deletes it
 * again; there is never a receipt for a purge that left something.
 */
final class RootVerification implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootVerification.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PREFIX_PAGE = 500;

	private final PurgeScope scope;

	private final ObjectStore store;

	private final JobPrefixes prefixes;

	private final StoreRetry retry;

	private final ExecutorService listings;

	private final int prefixesInFlight;

	RootVerification(PurgeScope scope, ObjectStore store, JobPrefixes prefixes, StoreRetry retry,
			ExecutorService listings, int prefixesInFlight) {
		this.scope = scope;
		this.store = store;
		this.prefixes = prefixes;
		this.retry = retry;
		this.listings = listings;
		this.prefixesInFlight = prefixesInFlight;
	}

	@Override
	public String name() {
		return "verify";
	}

	@Override
	public StepResult run(PurgeRun run) {
		PurgeJob job = run.job();
		UUID root = job.rootId();
		long rows = this.retry.call("count rows", () -> this.scope.rowsLeft(job));
		long vectors = this.retry.call("count vectors", () -> this.scope.vectorsLeft(job));
		AtomicLong versions = new AtomicLong();
		AtomicLong uploads = new AtomicLong();
		List<String> listed = new ArrayList<>();
		int last = -1;
		List<JobPrefixes.JobPrefix> page;
		try (PrefixTasks tasks = new PrefixTasks(this.listings, this.prefixesInFlight)) {
			while (!(page = this.prefixes.page(job.id(), last, PREFIX_PAGE)).isEmpty()) {
				for (JobPrefixes.JobPrefix prefix : page) {
					run.lease().ensureHeld();
					tasks.submit(() -> {
						versions.addAndGet(this.retry.call("list versions under " + prefix.prefix(), () -> {
							try (Stream<ObjectVersion> left = this.store.listVersions(prefix.prefix())) {
								return left.count();
							}
						}));
						uploads.addAndGet(this.retry.call("list uploads under " + prefix.prefix(), () -> {
							try (Stream<MultipartUpload> left = this.store.listMultipartUploads(prefix.prefix())) {
								return left.count();
							}
						}));
					});
					listed.add(prefix.prefix());
					last = prefix.ordinal();
				}
				tasks.awaitAll();
			}
		}
		PurgeFacts.Verification verification = new PurgeFacts.Verification(rows, vectors, versions.get(), uploads.get(),
				listed);
		if (listed.isEmpty() || !verification.clean()) {
			String residue = "Verification of " + job.rootType() + " " + root + " found residue: " + rows + " rows, "
					+ vectors + " vectors, " + versions.get() + " object versions, " + uploads.get()
					+ " multipart uploads left under " + listed.size() + " prefixes";
			logger.error("Purge job {} for {} {}: {}", job.id(), job.rootType(), root, residue);
			run.rewind(PurgeJob.FIRST_STEP);
			throw new PurgeStepException(residue);
		}
		run.verified(JSON.writeValueAsString(verification));
		logger.info("Purge job {} for {} {}: verified, nothing left under {} prefixes", job.id(), job.rootType(), root,
				listed.size());
		return StepResult.NEXT;
	}

}
