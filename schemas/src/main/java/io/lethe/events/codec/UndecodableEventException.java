package io.lethe.events.codec;

/**
 * Bytes that are not a Lethe event this reader can resolve: wrong header, unknown writer
 * schema or a corrupt body. Consumers treat such a record as poison and dead-letter it
 * instead of retrying.
 */
public class UndecodableEventException extends RuntimeException {

	public UndecodableEventException(String message) {
		super(message);
	}

	public UndecodableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
