package io.lethe.purge.engine;

/**
 * One step of a purge. A step is idempotent and commits its progress as it goes, so that
 * a run that stops anywhere in it resumes from its checkpoint and never repeats harm.
 */
public interface PurgeStep {

	String name();

	StepResult run(PurgeRun run);

}
