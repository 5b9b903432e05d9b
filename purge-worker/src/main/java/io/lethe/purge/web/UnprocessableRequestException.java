package io.lethe.purge.web;

import java.util.List;

/**
 * A request the worker understood but cannot accept: answered 422 with every problem
 * listed.
 */
public class UnprocessableRequestException extends RuntimeException {

	private final List<FieldProblem> errors;

	public UnprocessableRequestException(List<FieldProblem> errors) {
		super("Invalid request: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/** One invalid body field: its name, what is wrong, a stable type. */
	public record FieldProblem(String field, String msg, String type) {
	}

}
