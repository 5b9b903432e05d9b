package io.lethe.problems;

import java.util.List;

/**
 * One invalid input, in the shape FastAPI-style clients expect: where ({@code loc}, e.g.
 * {@code ["body", "name"]}), what is wrong ({@code msg}) and a stable machine-readable
 * {@code type}.
 */
public record FieldError(List<Object> loc, String msg, String type) {

	public static FieldError body(String field, String msg, String type) {
		return new FieldError(List.of("body", field), msg, type);
	}

	public static FieldError query(String parameter, String msg, String type) {
		return new FieldError(List.of("query", parameter), msg, type);
	}

	public static FieldError path(String parameter, String msg, String type) {
		return new FieldError(List.of("path", parameter), msg, type);
	}

}
