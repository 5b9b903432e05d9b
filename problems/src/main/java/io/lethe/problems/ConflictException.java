package io.lethe.problems;

import java.util.Map;

/** A request that clashes with the current state of a resource: answered with 409. */
public class ConflictException extends RuntimeException {

	private final String type;

	private final Map<String, Object> properties;

	/**
	 * @param type the last segment of the problem type URI, e.g. {@code name-taken}
	 */
	public ConflictException(String type, String detail, Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.properties = Map.copyOf(properties);
	}

	public ConflictException(String type, String detail) {
		this(type, detail, Map.of());
	}

	public String type() {
		return this.type;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
