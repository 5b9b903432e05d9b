package io.lethe.purge.engine.asset;

import java.util.List;

import io.lethe.purge.engine.IssueReceipt;
import io.lethe.purge.engine.JobItemVectors;
import io.lethe.purge.engine.RootObjects;
import io.lethe.purge.engine.RootPurge;
import io.lethe.purge.engine.ScopedSteps;
import io.lethe.purge.engine.TargetScope;
import io.lethe.purge.job.PurgeJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan of an asset's purge. */
@Configuration(proxyBeanMethods = false)
class AssetPurgePlan {

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

}
