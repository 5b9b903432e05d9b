package io.lethe.purge.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lethe.purge.reconcile.OrphanRules.Doomed;
import io.lethe.purge.reconcile.OrphanRules.Ownership;
import io.lethe.purge.reconcile.OrphanRules.Verdict;
import io.lethe.purge.reconcile.ReconcileReport.Kept;
import io.lethe.stores.object.ObjectVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrphanRulesTests {

	private static final Instant CUTOFF = Instant.parse("2026-03-01T12:00:00Z");

	private static final String KEY = "orgs/o/assets/a/original";

	private static final OrphanRules.CurrentVersion NEVER_ASKED = (key) -> {
		throw new AssertionError("the store was asked for the current version of " + key);
	};

	@Test
	void aKeyWithAnyEntryYoungerThanTheCutoffIsKeptWholeWhoeverOwnsIt() {
		KeyGroup group = group(version("v1", CUTOFF.minusSeconds(7200)), marker("m1", CUTOFF));

		for (Ownership ownership : List.of(Ownership.UNOWNED, Ownership.UNOWNED_WITH_INTENT, Ownership.LIVE)) {
			assertThat(OrphanRules.judge(group, ownership, CUTOFF, NEVER_ASKED)).isEqualTo(Verdict.keep(Kept.YOUNG));
		}
		assertThat(OrphanRules.judge(group(version("v1", null)), Ownership.UNOWNED, CUTOFF, NEVER_ASKED).kept())
			.isEqualTo(Kept.YOUNG);
	}

	@Test
	void everyEntryOfAKeyNoRowOwnsGoesVersionsAsUnownedOrUncommittedAndMarkersAsMarkers() {
		ObjectVersion v1 = version("v1", CUTOFF.minusSeconds(60));
		ObjectVersion m1 = marker("m1", CUTOFF.minusSeconds(30));

		assertThat(OrphanRules.judge(group(v1, m1), Ownership.UNOWNED, CUTOFF, NEVER_ASKED).remove())
			.containsExactly(new Doomed(v1, Kind.UNOWNED_OBJECT), new Doomed(m1, Kind.DELETE_MARKER));
		assertThat(OrphanRules.judge(group(v1), Ownership.UNOWNED_WITH_INTENT, CUTOFF, NEVER_ASKED).remove())
			.containsExactly(new Doomed(v1, Kind.UNCOMMITTED_OBJECT));
	}

	@Test
	void aLiveKeyKeepsItsCurrentVersionAndLosesOnlyTheRest() {
		ObjectVersion current = version("v3", CUTOFF.minusSeconds(10));
		ObjectVersion older = version("v1", CUTOFF.minusSeconds(90));
		ObjectVersion marker = marker("m2", CUTOFF.minusSeconds(50));

		Verdict verdict = OrphanRules.judge(group(current, older, marker), Ownership.LIVE, CUTOFF,
				(key) -> Optional.of("v3"));

		assertThat(verdict.remove()).containsExactly(new Doomed(older, Kind.EXTRA_VERSION),
				new Doomed(marker, Kind.DELETE_MARKER));
		assertThat(verdict.remove()).extracting(Doomed::version).doesNotContain(current);
	}

	@Test
	void aLiveKeyWithOneVersionIsLeftWithoutAskingTheStore() {
		assertThat(
				OrphanRules.judge(group(version("v1", CUTOFF.minusSeconds(60))), Ownership.LIVE, CUTOFF, NEVER_ASKED))
			.isEqualTo(Verdict.NOTHING);
	}

	@Test
	void aLiveKeyWithoutACurrentVersionOrWrittenAgainMeanwhileIsKeptWhole() {
		KeyGroup group = group(marker("m1", CUTOFF.minusSeconds(10)), version("v1", CUTOFF.minusSeconds(60)));

		assertThat(OrphanRules.judge(group, Ownership.LIVE, CUTOFF, (key) -> Optional.empty()))
			.isEqualTo(Verdict.keep(Kept.NO_CURRENT_VERSION));
		assertThat(OrphanRules.judge(group, Ownership.LIVE, CUTOFF, (key) -> Optional.of("v9")))
			.isEqualTo(Verdict.keep(Kept.CHANGED_DURING_RUN));
		assertThat(OrphanRules.judge(group, Ownership.LIVE, CUTOFF, (key) -> Optional.of("m1")))
			.isEqualTo(Verdict.keep(Kept.CHANGED_DURING_RUN));
	}

	@Test
	void aKeyOutsideTheLayoutIsNeverTouched() {
		assertThat(OrphanRules.judge(group(version("v1", CUTOFF.minusSeconds(60))), Ownership.UNRECOGNISED, CUTOFF,
				NEVER_ASKED))
			.isEqualTo(Verdict.keep(Kept.UNRECOGNISED));
	}

	private static KeyGroup group(ObjectVersion... entries) {
		return new KeyGroup(KEY, List.of(entries));
	}

	private static ObjectVersion version(String id, Instant at) {
		return new ObjectVersion(KEY, id, false, 10, at);
	}

	private static ObjectVersion marker(String id, Instant at) {
		return new ObjectVersion(KEY, id, true, 0, at);
	}

}
