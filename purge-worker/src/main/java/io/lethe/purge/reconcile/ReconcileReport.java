package io.lethe.purge.reconcile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run found and did, as it goes: counts and bytes per kind of orphan (found, and
 * removed by a real run) with a few sample keys each, what it kept although it looked at
 * it and why, how much it scanned, and the vector collections' space. Only the run's own
 * thread writes it. Stored as JSON ({@link #toJson}) in {@code purge.reconcile_runs}.
 */
final class ReconcileReport {

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	/** Why the reconciler left something it looked at alone. */
	enum Kept {

		/** Something of the key (or the upload) is younger than the safety age. */
		YOUNG,

		/** The key is not in Lethe's layout, so no owner can be proven absent. */
		UNRECOGNISED,

		/**
		 * A live key whose newest entry is a delete marker: its old versions may be
		 * needed.
		 */
		NO_CURRENT_VERSION,

		/** A live key written again while the run looked at it. */
		CHANGED_DURING_RUN,

		/** A recorded multipart upload younger than the upload threshold. */
		UPLOAD_IN_PROGRESS,

		/**
		 * A key a dataset under legal hold owns or references: its own, its items', the
		 * assets it owns or its live items use. Every version stays.
		 */
		LEGAL_HOLD;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Header header;

	private final int samples;

	private final Map<Kind, Tally> orphans = new EnumMap<>(Kind.class);

	private final Map<Kept, Tally> kept = new EnumMap<>(Kept.class);

	private final Map<String, Long> scanned = new LinkedHashMap<>();

	private final List<VectorSpaceOutcome> vectorSpace = new ArrayList<>();

	ReconcileReport(Header header, int samples) {
		this.header = header;
		this.samples = samples;
		for (Kind kind : Kind.values()) {
			this.orphans.put(kind, new Tally());
		}
		for (Kept reason : Kept.values()) {
			this.kept.put(reason, new Tally());
		}
		for (String what : List.of("object_versions", "object_keys", "multipart_uploads", "intents")) {
			this.scanned.put(what, 0L);
		}
	}

	void scanned(String what, long count) {
		this.scanned.merge(what, count, Long::sum);
	}

	void found(Kind kind, long bytes, String sample) {
		this.orphans.get(kind).add(1, bytes, sample, this.samples);
	}

	void removed(Kind kind, long count, long bytes) {
		Tally tally = this.orphans.get(kind);
		tally.removed += count;
		tally.removedBytes += bytes;
	}

	void kept(Kept reason, long count, long bytes, String sample) {
		this.kept.get(reason).add(count, bytes, sample, this.samples);
	}

	void vectorSpace(VectorSpaceOutcome outcome) {
		this.vectorSpace.add(outcome);
	}

	long found(Kind kind) {
		return this.orphans.get(kind).found;
	}

	long removed(Kind kind) {
		return this.orphans.get(kind).removed;
	}

	long removedBytes(Kind kind) {
		return this.orphans.get(kind).removedBytes;
	}

	/** One line for the log: what was found and removed, per kind that had any. */
	String summary() {
		StringBuilder text = new StringBuilder();
		this.orphans.forEach((kind, t) -> {
			if (t.found > 0) {
				text.append((text.length() > 0) ? ", " : "")
					.append(kind.id())
					.append(' ')
					.append(t.removed)
					.append('/')
					.append(t.found);
			}
		});
		return (text.length() > 0) ? "removed/found " + text : "no orphans";
	}

	String toJson() {
		Map<String, KindView> orphans = new LinkedHashMap<>();
		long found = 0;
		long foundBytes = 0;
		long removed = 0;
		long removedBytes = 0;
		for (Map.Entry<Kind, Tally> entry : this.orphans.entrySet()) {
			Tally t = entry.getValue();
			orphans.put(entry.getKey().id(),
					new KindView(t.found, t.foundBytes, t.removed, t.removedBytes, List.copyOf(t.samples)));
			found += t.found;
			foundBytes += t.foundBytes;
			removed += t.removed;
			removedBytes += t.removedBytes;
		}
		Map<String, KeptView> kept = new LinkedHashMap<>();
		this.kept
			.forEach((reason, t) -> kept.put(reason.id(), new KeptView(t.found, t.foundBytes, List.copyOf(t.samples))));
		return JSON.writeValueAsString(new View(this.header, new LinkedHashMap<>(this.scanned), orphans, kept,
				new Totals(found, foundBytes, removed, removedBytes), List.copyOf(this.vectorSpace)));
	}

	/** What the run was asked to do, with the times its safety rules derive from. */
	record Header(String runId, boolean dryRun, String orgId, String prefix, String safetyAge, String cutoff,
			String uploadMaxAge, String uploadCutoff) {
	}

	/**
	 * One collection's space before and after, what the policy decided ({@code vacuum},
	 * {@code reindex}) and whether it was done ({@code applied}: never in a dry run).
	 */
	record VectorSpaceOutcome(String collection, long tableBytesBefore, long indexBytesBefore, long tableBytesAfter,
			long indexBytesAfter, double deadFraction, double retiredFraction, boolean vacuum, boolean reindex,
			boolean applied, String error) {
	}

	record View(Header run, Map<String, Long> scanned, Map<String, KindView> orphans, Map<String, KeptView> kept,
			Totals totals, List<VectorSpaceOutcome> vectorSpace) {
	}

	record KindView(long found, long foundBytes, long removed, long removedBytes, List<String> samples) {
	}

	record KeptView(long count, long bytes, List<String> samples) {
	}

	record Totals(long found, long foundBytes, long removed, long removedBytes) {
	}

	private static final class Tally {

		private long found;

		private long foundBytes;

		private long removed;

		private long removedBytes;

		private final Set<String> samples = new LinkedHashSet<>();

		void add(long count, long bytes, String sample, int maxSamples) {
			this.found += count;
			this.foundBytes += bytes;
			if (sample != null && this.samples.size() < maxSamples) {
				this.samples.add(sample);
			}
		}

	}

}
