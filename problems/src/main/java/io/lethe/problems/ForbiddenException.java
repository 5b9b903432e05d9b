package io.lethe.problems;

/** A valid key whose role may not do this: answered with 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String detail) {
		super(detail);
	}

}
