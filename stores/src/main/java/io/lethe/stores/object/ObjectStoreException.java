package io.lethe.stores.object;

/**
 * A store operation that failed; {@link #retryable()} says whether trying again may
 * succeed.
 */
public class ObjectStoreException extends RuntimeException {

	private final boolean retryable;

	public ObjectStoreException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	public ObjectStoreException(String message, boolean retryable) {
		this(message, retryable, null);
	}

	public boolean retryable() {
		return this.retryable;
	}

}
