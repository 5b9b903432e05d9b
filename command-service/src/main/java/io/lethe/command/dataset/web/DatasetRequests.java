package io.lethe.command.dataset.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.lethe.problems.TypedBodies;
import io.lethe.command.dataset.Change;
import io.lethe.command.dataset.DatasetChanges;
import io.lethe.command.dataset.DatasetRules;
import io.lethe.command.dataset.NewDataset;
import io.lethe.command.encoder.EncoderCatalog;
import io.lethe.problems.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns create and update bodies into commands: {@link TypedBodies} binds and validates
 * the records, this adds the rules a constraint cannot state (choices known at run time,
 * a config's byte size, what PATCH may not set to {@code null}), and every problem is
 * reported at once. Unknown fields are ignored, as Coactive clients send extra fields.
 */
final class DatasetRequests {

	private final EncoderCatalog encoders;

	DatasetRequests(EncoderCatalog encoders) {
		this.encoders = encoders;
	}

	NewDataset create(TypedBodies.Body<DatasetCreate> body) {
		DatasetCreate create = body.value();
		String encoder = oneOf(body, "encoder_name", create.encoderName(), this.encoders.names());
		List<String> types = assetTypes(body, create.allowedAssetTypes());
		String method = oneOf(body, "keyframe_sampling_method", create.keyframeSamplingMethod(),
				DatasetRules.SAMPLING_METHODS);
		String config = config(body, create.datasetConfig());
		UUID requestedId = requestedId(body, create.datasetId());
		body.valid();
		return new NewDataset(requestedId, create.name(), create.description(),
				(encoder != null) ? encoder : this.encoders.defaultEncoder(),
				(types != null) ? types : DatasetRules.DEFAULT_ASSET_TYPES, (method != null) ? method : "intelligent",
				create.keyframeUniformFpsSamplingRate(),
				(create.storeOriginal() != null) ? create.storeOriginal() : true,
				(create.storePreview() != null) ? create.storePreview() : true,
				distinct(create.metadataFieldsToIndex()), distinct(create.metadataFieldsToEmbed()), config);
	}

	DatasetChanges update(TypedBodies.Body<DatasetUpdate> body) {
		if (body.has("encoder_name")) {
			body.error("encoder_name", "The encoder of a dataset cannot be changed: its vectors depend on it",
					"immutable");
		}
		DatasetUpdate update = body.value();
		notNull(body, "name", update.name(), "Field required", "missing");
		notNull(body, "allowed_asset_types", update.allowedAssetTypes(), DatasetFields.TYPES_TOO_SHORT, "too_short");
		notNull(body, "keyframe_sampling_method", update.keyframeSamplingMethod(), "Input should not be null",
				"null_not_allowed");
		notNull(body, "store_original", update.storeOriginal(), "Input should not be null", "null_not_allowed");
		notNull(body, "store_preview", update.storePreview(), "Input should not be null", "null_not_allowed");
		List<String> types = assetTypes(body, update.allowedAssetTypes());
		String method = oneOf(body, "keyframe_sampling_method", update.keyframeSamplingMethod(),
				DatasetRules.SAMPLING_METHODS);
		String config = config(body, update.datasetConfig());
		body.valid();
		return new DatasetChanges(change(body, "name", update.name()),
				change(body, "description", update.description()), change(body, "allowed_asset_types", types),
				change(body, "keyframe_sampling_method", method),
				change(body, "keyframe_uniform_fps_sampling_rate", update.keyframeUniformFpsSamplingRate()),
				change(body, "store_original", update.storeOriginal()),
				change(body, "store_preview", update.storePreview()),
				change(body, "metadata_fields_to_index", distinct(update.metadataFieldsToIndex())),
				change(body, "metadata_fields_to_embed", distinct(update.metadataFieldsToEmbed())),
				change(body, "dataset_config", config));
	}

	/** Absent keeps the current value; present, even as {@code null}, sets it. */
	private static <T> Change<T> change(TypedBodies.Body<?> body, String field, T value) {
		return body.has(field) ? Change.to(value) : Change.absent();
	}

	/** A field that may be left out of a PATCH but, when sent, must not be null. */
	private static void notNull(TypedBodies.Body<?> body, String field, Object value, String msg, String type) {
		if (body.has(field) && value == null && !body.failed(field)) {
			body.error(field, msg, type);
		}
	}

	private static String oneOf(TypedBodies.Body<?> body, String field, String value, Set<String> allowed) {
		if (value != null && !allowed.contains(value)) {
			body.error(field, "Input should be " + quotedChoice(allowed), "enum");
			return null;
		}
		return value;
	}

	/**
	 * The asset types, de-duplicated; an unknown one is named at its index in the list as
	 * sent.
	 */
	private static List<String> assetTypes(TypedBodies.Body<?> body, List<String> types) {
		if (types == null) {
			return null;
		}
		for (int index = 0; index < types.size(); index++) {
			String type = types.get(index);
			if (type != null && !type.isEmpty() && type.length() <= 64 && !DatasetRules.ASSET_TYPES.contains(type)) {
				body.error(new FieldError(List.of("body", "allowed_asset_types", index),
						"Input should be " + quotedChoice(DatasetRules.ASSET_TYPES), "enum"));
			}
		}
		return distinct(types);
	}

	private static List<String> distinct(List<String> values) {
		return (values != null) ? values.stream().distinct().toList() : null;
	}

	private static String config(TypedBodies.Body<?> body, ObjectNode config) {
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

	/**
	 * A UUID in its canonical form (any case): {@link UUID#fromString} alone is lenient.
	 */
	private static UUID requestedId(TypedBodies.Body<?> body, String id) {
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

	private static String quotedChoice(Set<String> allowed) {
		List<String> sorted = allowed.stream().sorted().map((value) -> "'" + value + "'").toList();
		if (sorted.size() == 1) {
			return sorted.get(0);
		}
		return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " or " + sorted.get(sorted.size() - 1);
	}

}
