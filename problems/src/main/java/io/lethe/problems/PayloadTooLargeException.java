package io.lethe.problems;

/** A body over a configured size limit: answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String detail) {
		super(detail);
	}

}
