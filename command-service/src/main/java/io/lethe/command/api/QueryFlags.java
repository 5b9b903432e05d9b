package io.lethe.command.api;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;

/** Boolean query parameters, as every route reads them. */
public final class QueryFlags {

	private QueryFlags() {
	}

	/**
	 * {@code true} or {@code false}, in any case; absent or blank is false.
	 * @throws InvalidRequestException (422) for anything else
	 */
	public static boolean parse(String name, String value) {
		if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
			return false;
		}
		if ("true".equalsIgnoreCase(value.strip())) {
			return true;
		}
		throw new InvalidRequestException(FieldError.query(name, "Input should be true or false", "bool_parsing"));
	}

}
