package io.lethe.command.deletion;

import java.util.List;

import io.lethe.command.api.JsonBody;
import tools.jackson.databind.JsonNode;

/** A validated batch: at least one id, at most the configured limit. */
public record SamplesRequest(List<String> samples, boolean deleteSource, boolean force) {

	public static SamplesRequest read(JsonNode json, int max) {
		return read(json, max, true);
	}

	/**
	 * A request whose {@code samples} may be missing or empty (ModelArts' field is
	 * optional): it deletes nothing.
	 */
	public static SamplesRequest readOptional(JsonNode json, int max) {
		return read(json, max, false);
	}

	private static SamplesRequest read(JsonNode json, int max, boolean required) {
		JsonBody body = JsonBody.of(json);
		List<String> samples = body.optionalStringList("samples", max, 255);
		boolean none = samples == null || (json.get("samples").isArray() && json.get("samples").isEmpty());
		if (none && required) {
			body.error("samples", "A non-empty list of sample ids is required", "missing");
		}
		else if (!none && json.get("samples").size() > max) {
			body.error("samples", "At most " + max + " samples per request", "too_long");
		}
		Boolean deleteSource = body.optionalBoolean("delete_source");
		Boolean force = body.optionalBoolean("force");
		body.validate();
		List<String> all = new java.util.ArrayList<>();
		if (!none) {
			json.get("samples").values().forEach((node) -> all.add(node.stringValue()));
		}
		return new SamplesRequest(all, Boolean.TRUE.equals(deleteSource), Boolean.TRUE.equals(force));
	}

}
