package io.lethe.purge.engine;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowKeyRangesTests {

	private static final PurgeScope.RowPhase UUID_KEYS = new PurgeScope.RowPhase("items",
			(job, after, upTo, size) -> PurgeScope.Chunk.NONE, (job) -> 0, true);

	private static final PurgeScope.RowPhase OBJECT_KEYS = new PurgeScope.RowPhase("intents",
			(job, after, upTo, size) -> PurgeScope.Chunk.NONE, (job) -> 0, false);

	@Test
	void twoRangesMeetAtTheMiddleOfTheUuidsWithNoKeyInNeitherOrBoth() {
		RootRows.KeyRanges ranges = RootRows.KeyRanges.fresh("items", 2);
		assertThat(ranges.count()).isEqualTo(2);
		assertThat(ranges.after(0)).isEqualTo("00000000-0000-0000-0000-000000000000");
		assertThat(ranges.upTo(0)).isEqualTo("7fffffff-ffff-ffff-ffff-ffffffffffff");
		assertThat(ranges.after(1)).isEqualTo(ranges.upTo(0));
		assertThat(ranges.upTo(1)).isNull();
	}

	@Test
	void fourRangesCutTheFirst32BitsIntoQuarters() {
		RootRows.KeyRanges ranges = RootRows.KeyRanges.fresh("assets", 4);
		assertThat(ranges.upTo(0)).isEqualTo("3fffffff-ffff-ffff-ffff-ffffffffffff");
		assertThat(ranges.upTo(1)).isEqualTo("7fffffff-ffff-ffff-ffff-ffffffffffff");
		assertThat(ranges.upTo(2)).isEqualTo("bfffffff-ffff-ffff-ffff-ffffffffffff");
		for (int range = 1; range < 4; range++) {
			assertThat(ranges.after(range)).isEqualTo(ranges.upTo(range - 1));
		}
		assertThat(UUID.fromString(ranges.after(3)).toString()).isEqualTo(ranges.after(3));
	}

	@Test
	void oneRangeHasNoBoundsAndItsCheckpointIsTheOneKeyAsBeforeRanges() {
		RootRows.KeyRanges ranges = RootRows.KeyRanges.fresh("intents", 1);
		assertThat(ranges.count()).isOne();
		assertThat(ranges.after(0)).isNull();
		assertThat(ranges.upTo(0)).isNull();
		assertThat(ranges.checkpointWith(0, "orgs/o/k")).isEqualTo("intents:orgs/o/k");
	}

	@Test
	void aChunksCheckpointNamesItsOwnKeyAndTheOtherRangesLastCommittedOnes() {
		RootRows.KeyRanges ranges = RootRows.KeyRanges.fresh("items", 2);
		String low = "10000000-0000-0000-0000-000000000000";
		String high = "90000000-0000-0000-0000-000000000000";
		assertThat(ranges.checkpointWith(1, high)).isEqualTo("items:00000000-0000-0000-0000-000000000000," + high);
		// not committed yet: the other range's checkpoint does not claim it
		assertThat(ranges.checkpointWith(0, low)).isEqualTo("items:" + low + ",7fffffff-ffff-ffff-ffff-ffffffffffff");
		ranges.committed(1, high);
		assertThat(ranges.checkpointWith(0, low)).isEqualTo("items:" + low + "," + high);
	}

	@Test
	void aResumedPhaseGoesOnFromEachRangesKeyWithinItsBounds() {
		String low = "10000000-0000-0000-0000-000000000000";
		String high = "90000000-0000-0000-0000-000000000000";
		RootRows.KeyRanges ranges = RootRows.KeyRanges.resumed(UUID_KEYS, low + "," + high);
		assertThat(ranges.count()).isEqualTo(2);
		assertThat(ranges.after(0)).isEqualTo(low);
		assertThat(ranges.upTo(0)).isEqualTo("7fffffff-ffff-ffff-ffff-ffffffffffff");
		assertThat(ranges.after(1)).isEqualTo(high);
		assertThat(ranges.upTo(1)).isNull();
	}

	@Test
	void aCheckpointOfOneKeyFromBeforeRangesResumesAsOneRangeToTheEnd() {
		RootRows.KeyRanges ranges = RootRows.KeyRanges.resumed(UUID_KEYS, "90000000-0000-0000-0000-000000000000");
		assertThat(ranges.count()).isOne();
		assertThat(ranges.after(0)).isEqualTo("90000000-0000-0000-0000-000000000000");
		assertThat(ranges.upTo(0)).isNull();
	}

	@Test
	void aKeyThatIsNoUuidIsResumedWholeCommasAndAll() {
		RootRows.KeyRanges ranges = RootRows.KeyRanges.resumed(OBJECT_KEYS, "orgs/o/assets/a,b/original");
		assertThat(ranges.count()).isOne();
		assertThat(ranges.after(0)).isEqualTo("orgs/o/assets/a,b/original");
		assertThat(ranges.upTo(0)).isNull();
	}

}
