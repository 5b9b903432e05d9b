package io.lethe.command.deletion.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.deletion.CompletionReceipt;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.DownstreamLedger.Downstream;
import io.lethe.command.deletion.ReceiptView;
import io.lethe.command.deletion.SignedReceipt;
import io.lethe.command.deletion.PurgeRecords;
import io.lethe.command.deletion.PurgeJobView;
import io.lethe.problems.NotFoundException;
import io.lethe.command.asset.AssetService;
import io.lethe.command.asset.AssetStatus;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.LegalHolds;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a deletion stands: requested (for a dataset, waiting for its grace to end), being
 * purged (with progress per store), failed, or purged with its signed receipt, which
 * stays readable after the purge. For datasets and for assets; an asset's purge is its
 * own (a force delete) or that of the batch of samples that deleted it as a source.
 */
@Tag(name = Tags.DELETIONS)
@RestController
class DeletionStatusController {

	private final DatasetService datasets;

	private final LegalHolds holds;

	private final AssetService assets;

	private final PurgeRecords purges;

	private final DownstreamLedger ledger;

	DeletionStatusController(DatasetService datasets, LegalHolds holds, AssetService assets, PurgeRecords purges,
			DownstreamLedger ledger) {
		this.datasets = datasets;
		this.holds = holds;
		this.assets = assets;
		this.purges = purges;
		this.ledger = ledger;
	}

	@Operation(operationId = "getDatasetDeletion", summary = "Get a dataset's deletion status", description = """
			Where the deletion stands: `state` (`active`, `pending_deletion`, `purging`, `purged`, \
			`failed`), its purge job and progress per store, and the signed receipt once purged. Purge \
			details trail the worker by typically well under a second.""")
	@GetMapping("/api/v1/datasets/{dataset_id}/deletion")
	@Transactional(readOnly = true)
	DeletionStatus status(Caller caller, @PathVariable("dataset_id") UUID id) {
		Dataset dataset = this.datasets.get(caller, id);
		Optional<PurgeJobView> job = dataset.isActive() ? Optional.empty() : this.purges.job("dataset", id);
		Optional<ReceiptView> receipt = job.flatMap((j) -> this.purges.receipt(j.id()));
		String state = job.filter((j) -> "failed".equals(j.state()))
			.map((j) -> "failed")
			.orElse(dataset.status().value());
		if ("purged".equals(state) && receipt.isEmpty()) {
			// the worker tombstones the dataset in the catalog at once; the receipt
			// arrives a moment later (lethe.purge-events), and purged comes with it
			state = "purging";
		}
		boolean held = this.holds.find(id).isPresent();
		return new DeletionStatus(id, state, dataset.deletedDt(), dataset.deletedBy(), dataset.expiresAt(), held,
				job.map((j) -> JobStatus.of(j, caller)).orElse(null), job.map(Progress::of).orElse(Progress.NONE),
				receipt.map(SignedReceipt::of).orElse(null), downstream("dataset", id), completion("dataset", id));
	}

	/**
	 * An asset's deletion: {@code active} while it lives, {@code deleted} until its purge
	 * begins, then {@code purging}, {@code purged} (with the receipt) or {@code failed}.
	 * Still answers after the purge removed the asset's row, from the record of its
	 * deletion and its job; another org's asset, or one never deleted nor known, is a
	 * 404.
	 */
	@Operation(operationId = "getAssetDeletion", summary = "Get an asset's deletion status", description = """
			`state` is `active`, `deleted` (purge not begun), `purging`, `purged` or `failed`, with the \
			purge job, its progress and the receipt; it still answers after the purge removed the \
			asset.""")
	@GetMapping("/api/v1/assets/{asset_id}/deletion")
	@Transactional(readOnly = true)
	AssetDeletionStatus assetStatus(Caller caller, @PathVariable("asset_id") UUID id) {
		Optional<AssetStatus> asset = this.assets.status(caller, id);
		if (asset.isPresent() && !asset.get().isDeleted()) {
			return new AssetDeletionStatus(id, "active", null, null, null, Progress.NONE, null, List.of(), null);
		}
		Optional<PurgeJobView> job = this.purges.jobPurgingAsset(caller.orgId(), id);
		if (asset.isEmpty() && job.isEmpty()) {
			throw new NotFoundException("Asset " + id);
		}
		Optional<ReceiptView> receipt = job.flatMap((j) -> this.purges.receipt(j.id()));
		// only a purge removes a deleted asset's row: with the row gone and the worker's
		// snapshot of the job not yet arrived, the purge has begun
		boolean begun = asset.map(AssetStatus::rowPurged).orElse(false);
		String state = job.map((j) -> switch (j.state()) {
			case "failed" -> "failed";
			case "completed" -> receipt.isPresent() ? "purged" : "purging";
			default -> (j.startedAt() != null || begun) ? "purging" : "deleted";
		}).orElse(begun ? "purging" : "deleted");
		// once purged, the row is gone and the job says who asked and when
		Instant requestedAt = asset.map(AssetStatus::deletedAt).orElseGet(() -> job.get().requestedAt());
		String requestedBy = asset.map(AssetStatus::deletedBy).orElseGet(() -> job.get().requestedBy());
		return new AssetDeletionStatus(id, state, requestedAt, requestedBy,
				job.map((j) -> JobStatus.of(j, caller)).orElse(null), job.map(Progress::of).orElse(Progress.NONE),
				receipt.map(SignedReceipt::of).orElse(null), downstream("asset", id), completion("asset", id));
	}

	private List<Downstream> downstream(String rootType, UUID rootId) {
		return this.ledger.downstream(rootType, rootId);
	}

	private CompletionReceipt completion(String rootType, UUID rootId) {
		return this.ledger.completionReceipt(rootType, rootId).orElse(null);
	}

	/**
	 * The deletion status of a dataset; {@code legalHold} while an operator's hold keeps
	 * it from being purged.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record DeletionStatus(UUID datasetId, String state, @Schema(types = {
			"string", "null" }, format = "date-time") Instant requestedAt,
			@Schema(types = { "string", "null" }) String requestedBy,
			@Schema(types = { "string", "null" }, format = "date-time") Instant expiresAt, boolean legalHold,
			@Schema(types = { "object", "null" },
					description = "The purge job, once the worker has one.") JobStatus job,
			Progress progress,
			@Schema(types = { "object", "null" },
					description = "The signed receipt, once purged.") SignedReceipt receipt,
			@Schema(description = "The downstream consumers' part in the deletion.") List<Downstream> downstream,
			@Schema(types = { "object", "null" }, description = COMPLETION) CompletionReceipt completionReceipt){
	}

	/** The deletion status of an asset; it has no grace period, so no expiry. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AssetDeletionStatus(UUID assetId, String state, @Schema(types = {
			"string", "null" }, format = "date-time") Instant requestedAt,
			@Schema(types = { "string", "null" }) String requestedBy,
			@Schema(types = { "object", "null" },
					description = "The purge job, once the worker has one.") JobStatus job,
			Progress progress,
			@Schema(types = { "object", "null" },
					description = "The signed receipt, once purged.") SignedReceipt receipt,
			@Schema(description = "The downstream consumers' part in the deletion.") List<Downstream> downstream,
			@Schema(types = { "object", "null" }, description = COMPLETION) CompletionReceipt completionReceipt){
	}

	static final String COMPLETION = "The completion receipt, once the deletion closed downstream (its purge "
			+ "verified, every required consumer acknowledged); null until then.";

	/**
	 * The purge job behind it, if the worker has one, and the root it purges (an asset's
	 * may be a batch of samples).
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record JobStatus(UUID id, String rootType, UUID rootId, String state, String step, int attempts, @Schema(types = {
			"string", "null" }) String lastError, Instant runAt,
			@Schema(types = { "string", "null" }, format = "date-time") Instant startedAt,
			@Schema(types = { "string", "null" }, format = "date-time") Instant completedAt){

		/**
		 * A failed step's error text names hosts, buckets, SQL and other internals: an
		 * operator reads it (here and at {@code GET /api/v1/admin/purges}), a member
		 * learns that there was one.
		 */
		static final String ERROR_FOR_MEMBERS = "The purge hit an error; an operator key can read it and retry the job.";

		static JobStatus of(PurgeJobView j, Caller caller) {
			String error = (j.lastError() == null || caller.isOperator()) ? j.lastError() : ERROR_FOR_MEMBERS;
			return new JobStatus(j.id(), j.rootType(), j.rootId(), j.state(), j.step(), j.attempts(), error, j.runAt(),
					j.startedAt(), j.completedAt());
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
	record Count(long deleted, @Schema(types = {
			"integer", "null" }, format = "int64") Long total){
	}

}
