package io.lethe.command.dataset.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.lethe.command.api.JsonBody;
import io.lethe.command.dataset.Change;
import io.lethe.command.dataset.DatasetChanges;
import io.lethe.command.dataset.DatasetRules;
import io.lethe.command.dataset.NewDataset;
import io.lethe.command.encoder.EncoderCatalog;
import tools.jackson.databind.JsonNode;

/**
 * Turns create and update bodies into commands, with every field validated and every
 * problem reported at once. Unknown fields are ignored, as Coactive clients send extra
 * fields such as {@code add_to_permit}.
 */
final class DatasetRequests {

	private final EncoderCatalog encoders;

	DatasetRequests(EncoderCatalog encoders) {
		this.encoders = encoders;
	}

	NewDataset create(JsonNode json) {
		JsonBody body = JsonBody.of(json);
		String name = name(body, body.requiredString("name"));
		String description = description(body);
		String encoder = body.optionalEnum("encoder_name", this.encoders.names());
		List<String> types = body.optionalEnumList("allowed_asset_types", DatasetRules.ASSET_TYPES);
		if (types != null && types.isEmpty()) {
			body.error("allowed_asset_types", "List should have at least 1 item", "too_short");
		}
		String method = body.optionalEnum("keyframe_sampling_method", DatasetRules.SAMPLING_METHODS);
		Double fps = body.optionalNumber("keyframe_uniform_fps_sampling_rate", DatasetRules.FPS_MIN,
				DatasetRules.FPS_MAX);
		Boolean storeOriginal = body.optionalBoolean("store_original");
		Boolean storePreview = body.optionalBoolean("store_preview");
		List<String> toIndex = metadataFields(body, "metadata_fields_to_index");
		List<String> toEmbed = metadataFields(body, "metadata_fields_to_embed");
		String config = config(body);
		UUID requestedId = requestedId(body);
		body.optionalBoolean("add_to_permit");
		body.validate();
		return new NewDataset(requestedId, name, description,
				(encoder != null) ? encoder : this.encoders.defaultEncoder(),
				(types != null) ? types : DatasetRules.DEFAULT_ASSET_TYPES, (method != null) ? method : "intelligent",
				fps, (storeOriginal != null) ? storeOriginal : true, (storePreview != null) ? storePreview : true,
				toIndex, toEmbed, config);
	}

	DatasetChanges update(JsonNode json) {
		JsonBody body = JsonBody.of(json);
		if (body.has("encoder_name")) {
			body.error("encoder_name", "The encoder of a dataset cannot be changed: its vectors depend on it",
					"immutable");
		}
		Change<String> name = body.has("name") ? Change.to(name(body, body.requiredString("name"))) : Change.absent();
		Change<String> description = body.has("description") ? Change.to(description(body)) : Change.absent();
		Change<List<String>> types = Change.absent();
		if (body.has("allowed_asset_types")) {
			List<String> values = body.optionalEnumList("allowed_asset_types", DatasetRules.ASSET_TYPES);
			if (values == null || values.isEmpty()) {
				body.error("allowed_asset_types", "List should have at least 1 item", "too_short");
			}
			types = Change.to(values);
		}
		Change<String> method = notNull(body, "keyframe_sampling_method",
				() -> body.optionalEnum("keyframe_sampling_method", DatasetRules.SAMPLING_METHODS));
		Change<Double> fps = body.has("keyframe_uniform_fps_sampling_rate") ? Change
			.to(body.optionalNumber("keyframe_uniform_fps_sampling_rate", DatasetRules.FPS_MIN, DatasetRules.FPS_MAX))
				: Change.absent();
		Change<Boolean> storeOriginal = notNull(body, "store_original", () -> body.optionalBoolean("store_original"));
		Change<Boolean> storePreview = notNull(body, "store_preview", () -> body.optionalBoolean("store_preview"));
		Change<List<String>> toIndex = body.has("metadata_fields_to_index")
				? Change.to(metadataFields(body, "metadata_fields_to_index")) : Change.absent();
		Change<List<String>> toEmbed = body.has("metadata_fields_to_embed")
				? Change.to(metadataFields(body, "metadata_fields_to_embed")) : Change.absent();
		Change<String> config = body.has("dataset_config") ? Change.to(config(body)) : Change.absent();
		body.validate();
		return new DatasetChanges(name, description, types, method, fps, storeOriginal, storePreview, toIndex, toEmbed,
				config);
	}

	/** A field that may be left out but, when sent, must not be null. */
	private static <T> Change<T> notNull(JsonBody body, String field, java.util.function.Supplier<T> read) {
		if (!body.has(field)) {
			return Change.absent();
		}
		T value = read.get();
		if (value == null) {
			body.error(field, "Input should not be null", "null_not_allowed");
		}
		return Change.to(value);
	}

	private static String name(JsonBody body, String name) {
		if (name == null) {
			return null;
		}
		if (name.isEmpty()) {
			body.error("name", "String should have at least 1 character", "string_too_short");
		}
		else if (name.length() > DatasetRules.NAME_MAX) {
			body.error("name", "String should have at most " + DatasetRules.NAME_MAX + " characters",
					"string_too_long");
		}
		else if (!DatasetRules.NAME.matcher(name).matches()) {
			body.error("name", "Name must only contain alphanumeric and underscore characters",
					"string_pattern_mismatch");
		}
		return name;
	}

	private static String description(JsonBody body) {
		String description = body.optionalString("description");
		if (description != null && description.length() > DatasetRules.DESCRIPTION_MAX) {
			body.error("description", "String should have at most " + DatasetRules.DESCRIPTION_MAX + " characters",
					"string_too_long");
		}
		return description;
	}

	private static List<String> metadataFields(JsonBody body, String field) {
		return body.optionalStringList(field, DatasetRules.METADATA_FIELDS_MAX, 255);
	}

	private static String config(JsonBody body) {
		JsonNode config = body.optionalObject("dataset_config");
		if (config == null) {
			return null;
		}
		String json = config.toString();
		if (json.getBytes(StandardCharsets.UTF_8).length > DatasetRules.CONFIG_MAX_BYTES) {
			body.error("dataset_config",
					"dataset_config should be at most " + DatasetRules.CONFIG_MAX_BYTES + " bytes of JSON", "too_long");
			return null;
		}
		if (json.indexOf('\u0000') >= 0 || json.contains("\\u0000")) {
			body.error("dataset_config", "dataset_config cannot contain NUL characters", "string_unicode");
			return null;
		}
		return json;
	}

	private static UUID requestedId(JsonBody body) {
		String id = body.optionalString("dataset_id");
		if (id == null) {
			return null;
		}
		try {
			UUID uuid = UUID.fromString(id);
			if (!uuid.toString().equalsIgnoreCase(id)) {
				throw new IllegalArgumentException(id);
			}
			return uuid;
		}
		catch (IllegalArgumentException ex) {
			body.error("dataset_id", "Input should be a valid UUID", "uuid_parsing");
			return null;
		}
	}

}
