package io.lethe.command.api;

import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.FieldError;
import java.util.List;

/**
 * {@code ?limit=&offset=} of a list endpoint, validated: limit 1..100 (default 20),
 * offset 0 or more.
 */
public record Paging(int limit, long offset) {

	public static final int MAX_LIMIT = 100;

	private static final long MAX_OFFSET = 1_000_000_000L;

	/** Parses the two parameters, adding a {@link FieldError} for each invalid one. */
	public static Paging parse(String limit, String offset, List<FieldError> errors) {
		int pageSize = (int) integer("limit", limit, 20, 1, MAX_LIMIT, errors);
		long skip = integer("offset", offset, 0, 0, MAX_OFFSET, errors);
		return new Paging(pageSize, skip);
	}

	/** Parses the two parameters or throws a 422 naming the invalid ones. */
	public static Paging parse(String limit, String offset) {
		List<FieldError> errors = new java.util.ArrayList<>();
		Paging paging = parse(limit, offset, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return paging;
	}

	/** The page of a listing, with where the next one starts (null on the last page). */
	public <T> PageResponse<T> page(List<T> data, long total) {
		Long next = (this.offset + data.size() < total) ? this.offset + data.size() : null;
		return new PageResponse<>(data, new PageResponse.Meta(this.limit, this.offset, total, next));
	}

	private static long integer(String name, String value, long fallback, long min, long max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			long parsed = Long.parseLong(value.strip());
			if (parsed < min || parsed > max) {
				errors.add(FieldError.query(name, "Input should be between " + min + " and " + max, "range"));
				return fallback;
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			errors.add(FieldError.query(name, "Input should be a valid integer", "int_parsing"));
			return fallback;
		}
	}

}
