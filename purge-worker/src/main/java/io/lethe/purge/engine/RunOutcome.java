package io.lethe.purge.engine;

/** How a run of a job ended when it did not fail. */
public enum RunOutcome {

	/** Every step done; the job is completed. */
	COMPLETED,

	/** The root was restored before the purge began; the job is cancelled. */
	CANCELLED,

	/** Not due yet (the grace period is not over); the job is scheduled again. */
	DEFERRED

}
