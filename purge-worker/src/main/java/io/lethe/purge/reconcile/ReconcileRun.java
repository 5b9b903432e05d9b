package io.lethe.purge.reconcile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.lethe.stores.object.ObjectKeys;

/**
 * One run as its scans see it: what it may touch (its prefix, and nothing younger than
 * {@code cutoff}), whether it deletes, and its report. {@link #checkpoint} between chunks
 * reports progress and stops the run once it was taken over.
 */
final class ReconcileRun {

	private final UUID id;

	private final boolean dryRun;

	private final UUID org;

	private final Instant cutoff;

	private final Instant uploadCutoff;

	private final ReconcileReport report;

	private final Checkpoint checkpoint;

	private final Map<String, Long> vectorsRemoved = new HashMap<>();

	ReconcileRun(UUID id, boolean dryRun, UUID org, Instant cutoff, Instant uploadCutoff, ReconcileReport report,
			Checkpoint checkpoint) {
		this.id = id;
		this.dryRun = dryRun;
		this.org = org;
		this.cutoff = cutoff;
		this.uploadCutoff = uploadCutoff;
		this.report = report;
		this.checkpoint = checkpoint;
	}

	UUID id() {
		return this.id;
	}

	boolean dryRun() {
		return this.dryRun;
	}

	/** The org the run is limited to; null for every org. */
	UUID org() {
		return this.org;
	}

	/** Where the run looks in the object store. */
	String prefix() {
		return prefixOf(this.org);
	}

	static String prefixOf(UUID org) {
		return (org != null) ? ObjectKeys.orgPrefix(org) : ObjectKeys.ORGS;
	}

	/** Anything written at or after this instant is too young to touch. */
	Instant cutoff() {
		return this.cutoff;
	}

	/** A recorded multipart upload started before this instant is abandoned. */
	Instant uploadCutoff() {
		return this.uploadCutoff;
	}

	boolean old(Instant written) {
		return written != null && written.isBefore(this.cutoff);
	}

	ReconcileReport report() {
		return this.report;
	}

	void vectorsRemoved(String collection, long count) {
		this.vectorsRemoved.merge(collection, count, Long::sum);
	}

	long vectorsRemoved(String collection) {
		return this.vectorsRemoved.getOrDefault(collection, 0L);
	}

	/**
	 * Reports progress; throws {@link RunTakenOver} once another worker took the run
	 * over.
	 */
	void checkpoint() {
		this.checkpoint.reached(this);
	}

	/** What a checkpoint does: the runner's heartbeat. */
	@FunctionalInterface
	interface Checkpoint {

		void reached(ReconcileRun run);

	}

	/** The run is no longer this worker's: it stops without writing anything more. */
	static final class RunTakenOver extends RuntimeException {

		RunTakenOver(UUID run) {
			super("Reconcile run " + run + " is no longer held by this worker");
		}

	}

}
