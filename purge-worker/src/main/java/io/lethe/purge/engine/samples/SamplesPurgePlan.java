package io.lethe.purge.engine.samples;

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

/** The plan of a batch of samples' purge. */
@Configuration(proxyBeanMethods = false)
class SamplesPurgePlan {

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
