package io.lethe.purge.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lethe.purge.reconcile.ReconcileReport.Kept;
import io.lethe.stores.object.ObjectVersion;

/**
 * What may go of one key, judged as a whole:
 * <ul>
 * <li>nothing, when any of its entries is younger than the safety cutoff (a write may be
 * in flight), when the key is outside Lethe's layout, or when it is live but has no
 * current version (a delete marker on top: its old versions may be needed);</li>
 * <li>everything, when no catalog row owns it: versions as uncommitted (an intent names
 * the key) or unowned, delete markers as such;</li>
 * <li>of a live key, everything but its current version, which stays whatever happens.
 * The current version is asked of the store, never guessed from the listing.</li>
 * </ul>
 */
final class OrphanRules {

	private OrphanRules() {
	}

	static Verdict judge(KeyGroup group, Ownership ownership, Instant cutoff, CurrentVersion current) {
		if (ownership == Ownership.UNRECOGNISED) {
			return Verdict.keep(Kept.UNRECOGNISED);
		}
		for (ObjectVersion entry : group.entries()) {
			if (entry.lastModified() == null || !entry.lastModified().isBefore(cutoff)) {
				return Verdict.keep(Kept.YOUNG);
			}
		}
		if (ownership != Ownership.LIVE) {
			Kind versions = (ownership == Ownership.UNOWNED_WITH_INTENT) ? Kind.UNCOMMITTED_OBJECT
					: Kind.UNOWNED_OBJECT;
			return new Verdict(group.entries().stream().map((entry) -> doomed(entry, versions)).toList(), null);
		}
		if (group.entries().size() == 1 && !group.entries().get(0).deleteMarker()) {
			return Verdict.NOTHING;
		}
		Optional<String> currentVersion = current.of(group.key());
		if (currentVersion.isEmpty()) {
			return Verdict.keep(Kept.NO_CURRENT_VERSION);
		}
		String live = currentVersion.get();
		if (group.entries().stream().noneMatch((entry) -> !entry.deleteMarker() && live.equals(entry.versionId()))) {
			return Verdict.keep(Kept.CHANGED_DURING_RUN);
		}
		return new Verdict(group.entries()
			.stream()
			.filter((entry) -> !live.equals(entry.versionId()))
			.map((entry) -> doomed(entry, Kind.EXTRA_VERSION))
			.toList(), null);
	}

	private static Doomed doomed(ObjectVersion entry, Kind versions) {
		return new Doomed(entry, entry.deleteMarker() ? Kind.DELETE_MARKER : versions);
	}

	/** Whether a catalog row owns the key. */
	enum Ownership {

		LIVE, UNOWNED, UNOWNED_WITH_INTENT, UNRECOGNISED

	}

	/** The store's current version of a key; empty when a delete marker is on top. */
	@FunctionalInterface
	interface CurrentVersion {

		Optional<String> of(String key);

	}

	/** One entry to delete, and why. */
	record Doomed(ObjectVersion version, Kind kind) {
	}

	/**
	 * The entries to delete, or why the key is kept whole ({@code kept}); neither for a
	 * live key with nothing extra.
	 */
	record Verdict(List<Doomed> remove, Kept kept) {

		static final Verdict NOTHING = new Verdict(List.of(), null);

		static Verdict keep(Kept reason) {
			return new Verdict(List.of(), reason);
		}

	}

}
