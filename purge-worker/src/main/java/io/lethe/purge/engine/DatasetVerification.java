package io.lethe.purge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.lethe.purge.receipt.PurgeFacts;
import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.vector.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks again, in every store, for anything of the dataset: catalog rows, vectors, object
 * versions and unfinished uploads under every prefix of the job. Nothing may be left: any
 * residue fails the attempt loudly (its error says what is left) and sends the job back
 * to the fence, so the next attempt deletes it again; there is never a receipt for a
 * purge that left something.
 */
@Component
class DatasetVerification implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(DatasetVerification.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PREFIX_PAGE = 500;

	private final DatasetCatalog catalog;

	private final VectorIndex index;

	private final ObjectStore store;

	private final JobPrefixes prefixes;

	private final StoreRetry retry;

	DatasetVerification(DatasetCatalog catalog, VectorIndex index, ObjectStore store, JobPrefixes prefixes,
			StoreRetry retry) {
		this.catalog = catalog;
		this.index = index;
		this.store = store;
		this.prefixes = prefixes;
		this.retry = retry;
	}

	@Override
	public String name() {
		return "verify";
	}

	@Override
	public StepResult run(PurgeRun run) {
		UUID job = run.job().id();
		UUID dataset = run.rootId();
		long rows = this.retry.call("count rows", () -> this.catalog.rows(job, dataset));
		long vectors = this.retry.call("count vectors", () -> this.index.countDataset(dataset));
		long versions = 0;
		long uploads = 0;
		List<String> listed = new ArrayList<>();
		int last = -1;
		List<JobPrefixes.JobPrefix> page;
		while (!(page = this.prefixes.page(job, last, PREFIX_PAGE)).isEmpty()) {
			for (JobPrefixes.JobPrefix prefix : page) {
				run.lease().ensureHeld();
				versions += this.retry.call("list versions under " + prefix.prefix(), () -> {
					try (Stream<ObjectVersion> left = this.store.listVersions(prefix.prefix())) {
						return left.count();
					}
				});
				uploads += this.retry.call("list uploads under " + prefix.prefix(), () -> {
					try (Stream<MultipartUpload> left = this.store.listMultipartUploads(prefix.prefix())) {
						return left.count();
					}
				});
				listed.add(prefix.prefix());
				last = prefix.ordinal();
			}
		}
		PurgeFacts.Verification verification = new PurgeFacts.Verification(rows, vectors, versions, uploads, listed);
		if (listed.isEmpty() || !verification.clean()) {
			String residue = "Verification of dataset " + dataset + " found residue: " + rows + " rows, " + vectors
					+ " vectors, " + versions + " object versions, " + uploads + " multipart uploads left under "
					+ listed.size() + " prefixes";
			logger.error("Purge job {} for dataset {}: {}", job, dataset, residue);
			run.rewind("fence");
			throw new PurgeStepException(residue);
		}
		run.verified(JSON.writeValueAsString(verification));
		logger.info("Purge job {} for dataset {}: verified, nothing left under {} prefixes", job, dataset,
				listed.size());
		return StepResult.NEXT;
	}

}
