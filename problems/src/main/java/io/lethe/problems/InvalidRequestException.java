package io.lethe.problems;

import java.util.List;

/**
 * Input that is well-formed but invalid: answered with 422 and every {@link FieldError}
 * found.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): " + errors);
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(FieldError error) {
		this(List.of(error));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
