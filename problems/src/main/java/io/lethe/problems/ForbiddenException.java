package io.lethe.problems;

/** A valid key whose role may not do this: answered with 403. */
public class ForbiddenException extends RuntimeException {

	private final String type;

	public ForbiddenException(String detail) {
		this("forbidden", detail);
	}

	/**
	 * @param type the last segment of the problem type URI, e.g.
	 * {@code operator-key-required}, for a refusal a client can act on
	 */
	public ForbiddenException(String type, String detail) {
		super(detail);
		this.type = type;
	}

	public String type() {
		return this.type;
	}

}
