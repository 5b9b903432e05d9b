package io.lethe.purge.engine;

import java.util.List;

import io.lethe.purge.job.PurgeJob;

import org.springframework.stereotype.Component;

/**
 * The purge of a dataset: fence, vectors, objects, rows, verify, receipt, tombstone.
 */
@Component
class DatasetPurge implements RootPurge {

	private final List<PurgeStep> steps;

	DatasetPurge(DatasetFence fence, DatasetVectors vectors, DatasetObjects objects, DatasetRows rows,
			DatasetVerification verify, IssueReceipt receipt, DatasetTombstone tombstone) {
		this.steps = List.of(fence, vectors, objects, rows, verify, receipt, tombstone);
	}

	@Override
	public String rootType() {
		return PurgeJob.DATASET;
	}

	@Override
	public List<PurgeStep> steps() {
		return this.steps;
	}

}
