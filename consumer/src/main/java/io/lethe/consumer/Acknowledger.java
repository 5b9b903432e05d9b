package io.lethe.consumer;

/**
 * Sends a consumer's answer to a deletion to Lethe. Lethe records acknowledgements
 * idempotently per (consumer, deletion), so sending one again is harmless.
 */
interface Acknowledger {

	/**
	 * Sends the answer; returns once Lethe (or the broker) accepted it, or refused it for
	 * good (a refusal is logged: sending it again could never make it valid).
	 * @throws AckFailedException when it could not be delivered and may be tried again
	 */
	void acknowledge(Deletion deletion, Erasure erasure);

	/** A failure to deliver an acknowledgement that trying again may fix. */
	class AckFailedException extends RuntimeException {

		AckFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
