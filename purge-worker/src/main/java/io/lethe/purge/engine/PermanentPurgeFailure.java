package io.lethe.purge.engine;

/**
 * A purge that can never succeed as asked (its root row is missing, or belongs to another
 * org than the request said): the job fails at once, without further attempts.
 */
public class PermanentPurgeFailure extends RuntimeException {

	public PermanentPurgeFailure(String message) {
		super(message);
	}

}
