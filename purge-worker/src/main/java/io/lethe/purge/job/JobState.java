package io.lethe.purge.job;

/**
 * Where a purge job is: {@code scheduled} until its {@code run_at}, {@code running} under
 * a worker's lease, then {@code completed}, {@code failed} (after its attempts) or
 * {@code cancelled} (its root was restored before the purge began).
 */
public enum JobState {

	SCHEDULED, RUNNING, COMPLETED, FAILED, CANCELLED;

	String value() {
		return name().toLowerCase();
	}

	static JobState of(String value) {
		return valueOf(value.toUpperCase());
	}

}
