package io.lethe.purge.intake;

/**
 * An event that decodes but cannot be acted on (a missing or malformed id). Retrying
 * cannot fix it: it goes to the dead-letter topic at once.
 */
class InvalidEventException extends RuntimeException {

	InvalidEventException(String message) {
		super(message);
	}

}
