package io.lethe.command.deletion;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a dataset's deletion stands: requested, waiting for its grace to end, being
 * purged (with progress per store), failed, or purged with its signed receipt, which
 * stays readable after the purge.
 */
@RestController
class DeletionStatusController {

	private final DatasetService datasets;

	private final PurgeRecords purges;

	DeletionStatusController(DatasetService datasets, PurgeRecords purges) {
		this.datasets = datasets;
		this.purges = purges;
	}

	@GetMapping("/api/v1/datasets/{dataset_id}/deletion")
	@Transactional(readOnly = true)
	DeletionStatus status(Caller caller, @PathVariable("dataset_id") UUID id) {
		Dataset dataset = this.datasets.get(caller, id);
		Optional<PurgeJobView> job = dataset.isActive() ? Optional.empty() : this.purges.job("dataset", id);
		Optional<ReceiptView> receipt = job.flatMap((j) -> this.purges.receipt(j.id()));
		String state = job.filter((j) -> "failed".equals(j.state()))
			.map((j) -> "failed")
			.orElse(dataset.status().value());
		boolean held = this.datasets.legalHold(id).isPresent();
		return new DeletionStatus(id, state, dataset.deletedDt(), dataset.deletedBy(), dataset.expiresAt(), held,
				job.map(JobStatus::of).orElse(null), job.map(Progress::of).orElse(Progress.NONE),
				receipt.map(Receipt::of).orElse(null));
	}

	/**
	 * The deletion status of a dataset; {@code legalHold} while an operator's hold keeps
	 * it from being purged.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record DeletionStatus(UUID datasetId, String state, Instant requestedAt, String requestedBy, Instant expiresAt,
			boolean legalHold, JobStatus job, Progress progress, Receipt receipt) {
	}

	/** The purge job behind it, if the worker has one. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record JobStatus(UUID id, String state, String step, int attempts, String lastError, Instant runAt,
			Instant startedAt, Instant completedAt) {

		static JobStatus of(PurgeJobView j) {
			return new JobStatus(j.id(), j.state(), j.step(), j.attempts(), j.lastError(), j.runAt(), j.startedAt(),
					j.completedAt());
		}

	}

	/** What the purge has deleted so far in each store, and the total where known. */
	record Progress(Count vectors, Count objects, Count rows) {

		static final Progress NONE = new Progress(new Count(0, null), new Count(0, null), new Count(0, null));

		static Progress of(PurgeJobView j) {
			return new Progress(new Count(j.vectorsDeleted(), j.vectorsTotal()),
					new Count(j.objectsDeleted(), j.objectsTotal()), new Count(j.rowsDeleted(), j.rowsTotal()));
		}

	}

	/** Deleted so far, of total (null while unknown). */
	record Count(long deleted, Long total) {
	}

	/** The signed receipt: {@code body} is the JSON that was signed, byte for byte. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Receipt(@JsonRawValue String body, String bodyText, String signature, String algorithm, String keyId) {

		static Receipt of(ReceiptView r) {
			return new Receipt(r.body(), r.body(), r.signature(), r.algorithm(), r.keyId());
		}

	}

}
