package io.lethe.purge.engine;

/**
 * A step could not finish; the job is retried later from its checkpoint. Its message
 * becomes the job's {@code last_error}. Public for the store plumbing ({@code store}),
 * whose failures fail the step.
 */
public class PurgeStepException extends RuntimeException {

	PurgeStepException(String message) {
		super(message);
	}

	public PurgeStepException(String message, Throwable cause) {
		super(message, cause);
	}

}
