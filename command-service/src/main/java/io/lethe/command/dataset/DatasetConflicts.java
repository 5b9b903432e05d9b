package io.lethe.command.dataset;

import java.util.Map;
import java.util.UUID;

import io.lethe.problems.ConflictException;

/**
 * The 409s a dataset's rules answer, with their problem types and the properties a client
 * reads: one place, so that every route refusing for the same reason says it the same
 * way.
 */
final class DatasetConflicts {

	private DatasetConflicts() {
	}

	/** A write into, or a read of the content of, a dataset that left {@code active}. */
	static ConflictException notActive(Dataset dataset) {
		return new ConflictException("dataset-not-active",
				"Dataset " + dataset.id() + " is " + dataset.status().value() + "; it accepts no writes.",
				Map.of("dataset_status", dataset.status().value()));
	}

	/** A change ({@code verb}: "updated", "deleted", …) of a dataset that left active. */
	static ConflictException notActive(Dataset dataset, String verb) {
		return new ConflictException("dataset-not-active",
				"Dataset " + dataset.id() + " is " + dataset.status().value() + " and cannot be " + verb + ".",
				Map.of("dataset_status", dataset.status().value()));
	}

	static ConflictException ownerNotActive(UUID owner, String status, UUID assetId) {
		return new ConflictException("asset-owner-not-active",
				"Asset " + assetId + " belongs to dataset " + owner + ", which is " + status
						+ "; it can no longer be placed in another dataset.",
				Map.of("asset_id", assetId, "owner_dataset_id", owner, "dataset_status", status));
	}

	static ConflictException purgeStarted(Dataset dataset) {
		return new ConflictException("purge-started",
				"Dataset " + dataset.id() + " is " + dataset.status().value()
						+ ": its purge has begun and it can no longer be restored.",
				Map.of("dataset_status", dataset.status().value()));
	}

	static ConflictException idTaken() {
		return new ConflictException("id-taken", "The dataset_id is not available; choose another.");
	}

	static ConflictException nameTaken(String name) {
		return new ConflictException("name-taken", "A live dataset named '" + name + "' already exists in this org.",
				Map.of("name", name));
	}

	static ConflictException nameTakenOnRestore(String name) {
		return new ConflictException("name-taken",
				"A live dataset named '" + name + "' exists now; rename it before restoring this one.",
				Map.of("name", name));
	}

}
