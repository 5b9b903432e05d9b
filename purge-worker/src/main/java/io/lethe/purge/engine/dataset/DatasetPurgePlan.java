package io.lethe.purge.engine.dataset;

import java.util.List;

import io.lethe.purge.engine.IssueReceipt;
import io.lethe.purge.engine.Overlapped;
import io.lethe.purge.engine.RootObjects;
import io.lethe.purge.engine.RootPurge;
import io.lethe.purge.engine.ScopedSteps;
import io.lethe.purge.job.PurgeJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan of a dataset's purge. */
@Configuration(proxyBeanMethods = false)
class DatasetPurgePlan {

	/**
	 * A dataset past its grace: everything of it, then its tombstone. Its vectors go
	 * while its objects do: they are found by the dataset's id, not through rows or
	 * objects, and deleting what is left of them needs no checkpoint. The rows wait for
	 * both: the objects step reads the catalog's record of unfinished uploads. Their
	 * count for the job's progress is taken beside the objects too, so the rows step
	 * starts deleting at once.
	 */
	@Bean
	RootPurge datasetPurge(DatasetFence fence, DatasetVectors vectors, RootObjects objects, ScopedSteps scoped,
			DatasetScope scope, IssueReceipt receipt, DatasetTombstone tombstone) {
		return new RootPurge(PurgeJob.DATASET, List.of(fence, new Overlapped(objects, vectors, scoped.rowsTotal(scope)),
				scoped.rows(scope), scoped.verify(scope), receipt, tombstone));
	}

}
