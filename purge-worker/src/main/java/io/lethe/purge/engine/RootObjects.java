package io.lethe.purge.engine;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.lethe.purge.job.Counter;
import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Empties every prefix of the job in the object store: every version and delete marker
 * (streamed from the listing into DeleteObjects batches, several in flight), then every
 * unfinished multipart upload, including those the catalog recorded for the job's assets
 * (wherever their keys are). Several prefixes are listed at once ({@link PrefixTasks}).
 * The checkpoint is the last prefix known empty; a resumed run lists again from the next
 * one, and versions deleted before a crash are simply no longer listed.
 */
@Component
class RootObjects implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootObjects.class);

	private static final String CHECKPOINT = "prefix:";

	private static final int PREFIX_PAGE = 500;

	private final ObjectStore store;

	private final JobPrefixes prefixes;

	private final JdbcClient jdbc;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final ExecutorService deletions;

	private final ExecutorService listings;

	RootObjects(ObjectStore store, JobPrefixes prefixes, JdbcClient jdbc, EngineProperties properties, StoreRetry retry,
			@Qualifier("objectDeletions") ExecutorService deletions,
			@Qualifier("prefixListings") ExecutorService listings) {
		this.store = store;
		this.prefixes = prefixes;
		this.jdbc = jdbc;
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
		int last = doneThrough(run.checkpoint());
		AtomicLong uploads = new AtomicLong();
		// Closed in reverse order: the listings first, then the batches they filled.
		try (VersionBatches batches = new VersionBatches(this.store, this.deletions, this.properties.objectBatch(),
				this.properties.objectsInFlight(), this.retry, (deleted) -> run.progress(Counter.OBJECTS, deleted));
				PrefixTasks tasks = new PrefixTasks(this.listings, this.properties.prefixesInFlight())) {
			int sinceCheckpoint = 0;
			List<JobPrefixes.JobPrefix> page;
			while (!(page = this.prefixes.page(job, last, PREFIX_PAGE)).isEmpty()) {
				for (JobPrefixes.JobPrefix prefix : page) {
					run.lease().ensureHeld();
					tasks.submit(() -> {
						deleteVersions(prefix.prefix(), batches);
						uploads.addAndGet(abortUploads(prefix.prefix()));
					});
					last = prefix.ordinal();
					sinceCheckpoint++;
					if (last == 0 || sinceCheckpoint >= this.properties.prefixesPerCheckpoint()) {
						tasks.awaitAll();
						batches.drain();
						run.checkpoint(CHECKPOINT + last);
						sinceCheckpoint = 0;
					}
				}
			}
			tasks.awaitAll();
			batches.drain();
			if (sinceCheckpoint > 0) {
				run.checkpoint(CHECKPOINT + last);
			}
		}
		uploads.addAndGet(abortRecordedUploads(run));
		logger.info("Purge job {} for {} {}: object versions deleted under {} prefixes, {} uploads aborted", job,
				run.job().rootType(), run.rootId(), last + 1, uploads.get());
		return StepResult.NEXT;
	}

	private void deleteVersions(String prefix, VersionBatches batches) {
		// A listing that fails half way is listed again once the batches it filled are
		// deleted, so no version is sent (or counted) twice.
		this.retry.run("list versions under " + prefix, () -> {
			try (Stream<ObjectVersion> versions = this.store.listVersions(prefix)) {
				versions.forEach(batches::add);
			}
		}, batches::drain);
	}

	private long abortUploads(String prefix) {
		return this.retry.call("abort uploads under " + prefix, () -> {
			long aborted = 0;
			try (Stream<MultipartUpload> uploads = this.store.listMultipartUploads(prefix)) {
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
		List<UUID> assets;
		while (!(assets = this.prefixes.assetIds(run.job().id(), after, PREFIX_PAGE)).isEmpty()) {
			run.lease().ensureHeld();
			List<MultipartUpload> recorded = this.jdbc
				.sql("select object_key, upload_id, created_at from catalog.asset_uploads where asset_id = any(?)")
				.param(assets.toArray(UUID[]::new))
				.query((rs, row) -> new MultipartUpload(rs.getString("object_key"), rs.getString("upload_id"), null))
				.list();
			for (MultipartUpload upload : recorded) {
				this.retry.run("abort upload of " + upload.key(),
						() -> this.store.abortMultipartUpload(upload.key(), upload.uploadId()), () -> {
						});
				aborted++;
			}
			after = assets.get(assets.size() - 1);
		}
		return aborted;
	}

	private static int doneThrough(String checkpoint) {
		if (checkpoint != null && checkpoint.startsWith(CHECKPOINT)) {
			return Integer.parseInt(checkpoint.substring(CHECKPOINT.length()));
		}
		return -1;
	}

}
