package io.lethe.purge.engine;

/**
 * A step could not finish; the job is retried later from its checkpoint. Its message
 * becomes the job's {@code last_error}.
 */
class PurgeStepException extends RuntimeException {

	PurgeStepException(String message) {
		super(message);
	}

	PurgeStepException(String message, Throwable cause) {
		super(message, cause);
	}

}
