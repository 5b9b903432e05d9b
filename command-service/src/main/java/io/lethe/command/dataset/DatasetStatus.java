package io.lethe.command.dataset;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dataset's life: {@code active} → {@code pending_deletion} (restorable until
 * {@code expires_at}) → {@code purging} (the purge worker has fenced it) → {@code purged}
 * (a tombstone).
 */
public enum DatasetStatus {

	ACTIVE, PENDING_DELETION, PURGING, PURGED;

	public String value() {
		return name().toLowerCase();
	}

	public static Optional<DatasetStatus> of(String value) {
		return Arrays.stream(values()).filter((status) -> status.value().equals(value)).findFirst();
	}

}
