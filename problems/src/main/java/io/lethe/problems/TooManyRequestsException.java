package io.lethe.problems;

/** A client over its request rate: answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

	private final long retryAfterSeconds;

	public TooManyRequestsException(String detail, long retryAfterSeconds) {
		super(detail);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
