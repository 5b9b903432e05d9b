package io.lethe.problems;

/** No API key, or one that is malformed, unknown or revoked: answered with 401. */
public class UnauthenticatedException extends RuntimeException {

	public UnauthenticatedException(String detail) {
		super(detail);
	}

}
