package io.lethe.purge.engine.dataset;

import io.lethe.catalog.contract.DatasetPurgeStatements;
import io.lethe.purge.engine.PurgeRun;
import io.lethe.purge.engine.PurgeStep;
import io.lethe.purge.engine.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Leaves the dataset's row as a tombstone ({@code purged}: id, org and times kept, name
 * and content scrubbed), so that its owner can still see that and when it was purged.
 */
@Component
class DatasetTombstone implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(DatasetTombstone.class);

	private final DatasetPurgeStatements catalog;

	DatasetTombstone(DatasetPurgeStatements catalog) {
		this.catalog = catalog;
	}

	@Override
	public String name() {
		return "tombstone";
	}

	@Override
	public StepResult run(PurgeRun run) {
		this.catalog.tombstone(run.rootId());
		logger.info("Purge job {} for dataset {}: tombstone left", run.job().id(), run.rootId());
		return StepResult.NEXT;
	}

}
