package io.lethe.purge.engine;

import java.util.List;

import io.lethe.purge.job.PurgeJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plans of the purges, one per root type. Every plan fences its root and fixes the
 * prefixes it empties, deletes vectors, objects (every version) and rows, verifies that
 * nothing is left and signs a receipt; they differ in what they cover.
 */
@Configuration(proxyBeanMethods = false)
class PurgePlans {

	/** A dataset past its grace: everything of it, then its tombstone. */
	@Bean
	RootPurge datasetPurge(DatasetFence fence, DatasetVectors vectors, RootObjects objects, ScopedSteps scoped,
			DatasetScope scope, IssueReceipt receipt, DatasetTombstone tombstone) {
		return new RootPurge(PurgeJob.DATASET,
				List.of(fence, vectors, objects, scoped.rows(scope), scoped.verify(scope), receipt, tombstone));
	}

	/**
	 * A deleted asset: its binary with every version and any unfinished upload, its
	 * remaining rows and, with a cascade, the items the deletion took along. Items only
	 * flagged {@code source_deleted} keep their own previews and vectors.
	 */
	@Bean
	RootPurge assetPurge(AssetFence fence, JobItemVectors vectors, RootObjects objects, ScopedSteps scoped,
			TargetScope scope, IssueReceipt receipt) {
		return new RootPurge(PurgeJob.ASSET,
				List.of(fence, vectors, objects, scoped.rows(scope), scoped.verify(scope), receipt));
	}

	/**
	 * A batch of deleted samples: their vectors, binaries and rows, and the sources
	 * deleted with them; the rest of the dataset is untouched.
	 */
	@Bean
	RootPurge samplesPurge(SamplesFence fence, JobItemVectors vectors, RootObjects objects, ScopedSteps scoped,
			TargetScope scope, IssueReceipt receipt) {
		return new RootPurge(PurgeJob.SAMPLES,
				List.of(fence, vectors, objects, scoped.rows(scope), scoped.verify(scope), receipt));
	}

}
