package io.lethe.purge.engine.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobPrefixesTests {

	@Test
	void theOrgsAssetsInAllDecideTheJobsShareOnlyWhenEitherBoundDoes() {
		// an org no larger than the others allowed: whatever is the job's, the others fit
		assertThat(JobPrefixes.othersWithinByOrgTotal(100, 9_900, 9_900)).isTrue();
		assertThat(JobPrefixes.othersWithinByOrgTotal(100, 100, 9_900)).isTrue();
		// even if every asset of the job is in the catalog, too many others are left
		assertThat(JobPrefixes.othersWithinByOrgTotal(500, 50_001 + 500, 49_500)).isFalse();
		// in between it depends on how many of the org's are the job's: ask
		assertThat(JobPrefixes.othersWithinByOrgTotal(500, 49_501, 49_500)).isNull();
		assertThat(JobPrefixes.othersWithinByOrgTotal(500, 50_000, 49_500)).isNull();
	}

}
