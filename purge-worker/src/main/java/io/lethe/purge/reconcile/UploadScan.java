package io.lethe.purge.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.lethe.catalog.contract.ReconcilerStatements;
import io.lethe.catalog.contract.ReconcilerStatements.RecordedUpload;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.reconcile.ReconcileReport.Kept;
import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds multipart uploads that will never complete: those the catalog does not record
 * (the process died between starting one and committing its row; no client holds their
 * id) and those it recorded longer ago than {@code upload-max-age}. Nothing started after
 * the safety cutoff is touched. A real run forgets an abandoned upload in the catalog
 * first, as its uploader's abort would (its parts and its {@code uploading} asset go),
 * then aborts it in the store: should the abort fail, the upload is unrecorded and the
 * next run aborts it.
 */
@Component
class UploadScan {

	private static final int CHUNK = 500;

	private final ObjectStore store;

	private final ReconcilerStatements catalog;

	private final TransactionTemplate transactions;

	private final StoreRetry retry;

	UploadScan(ObjectStore store, ReconcilerStatements catalog, TransactionTemplate transactions, StoreRetry retry) {
		this.store = store;
		this.catalog = catalog;
		this.transactions = transactions;
		this.retry = retry;
	}

	void scan(ReconcileRun run) {
		try (Stream<MultipartUpload> listing = this.store.listMultipartUploads(run.prefix())) {
			Iterator<MultipartUpload> uploads = listing.iterator();
			List<MultipartUpload> chunk = new ArrayList<>(CHUNK);
			while (uploads.hasNext()) {
				chunk.add(uploads.next());
				if (chunk.size() >= CHUNK) {
					judge(run, chunk);
					chunk.clear();
				}
			}
			judge(run, chunk);
		}
	}

	private void judge(ReconcileRun run, List<MultipartUpload> chunk) {
		if (chunk.isEmpty()) {
			return;
		}
		Map<String, RecordedUpload> recorded = recorded(chunk);
		ReconcileReport report = run.report();
		for (MultipartUpload upload : chunk) {
			report.scanned("multipart_uploads", 1);
			String sample = upload.key() + "?uploadId=" + upload.uploadId();
			RecordedUpload record = recorded.get(upload.uploadId());
			if (!run.old(upload.initiated()) || (record != null && !run.old(record.createdAt()))) {
				report.kept(Kept.YOUNG, 1, 0, sample);
				continue;
			}
			if (record != null && !record.createdAt().isBefore(run.uploadCutoff())) {
				report.kept(Kept.UPLOAD_IN_PROGRESS, 1, 0, sample);
				continue;
			}
			Kind kind = (record != null) ? Kind.ABANDONED_UPLOAD : Kind.UNRECORDED_UPLOAD;
			long bytes = (record != null) ? record.bytes() : 0;
			report.found(kind, bytes, sample);
			if (!run.dryRun()) {
				if (record != null) {
					forget(record);
				}
				this.retry.run("abort upload of " + upload.key(),
						() -> this.store.abortMultipartUpload(upload.key(), upload.uploadId()), () -> {
						});
				report.removed(kind, 1, bytes);
			}
		}
		run.checkpoint();
	}

	/** The catalog's records of the chunk's uploads, by upload id. */
	private Map<String, RecordedUpload> recorded(List<MultipartUpload> chunk) {
		Map<String, RecordedUpload> recorded = new HashMap<>();
		for (RecordedUpload upload : this.catalog
			.recordedUploads(chunk.stream().map(MultipartUpload::uploadId).toArray(String[]::new))) {
			recorded.put(upload.uploadId(), upload);
		}
		return recorded;
	}

	/**
	 * What the uploader's abort does in the catalog: the upload, its parts and its asset
	 * go.
	 */
	private void forget(RecordedUpload upload) {
		this.retry.run("forget upload of asset " + upload.assetId(),
				() -> this.transactions
					.executeWithoutResult((s) -> this.catalog.forgetUpload(upload.assetId(), upload.uploadId())),
				() -> {
				});
	}

}
