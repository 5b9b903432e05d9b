package io.lethe.command.dataset.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The bodies of a dataset's create and change, as the API documents them. They are read
 * by {@link DatasetRequests} (which tells an absent field from a {@code null} one and
 * lists every problem in one 422), so these records only describe; their limits are
 * {@code DatasetRules}'.
 */
final class DatasetBodies {

	private static final String NAME = "Unique among the org's live datasets: 1 to 255 letters, digits or underscores.";

	private static final String TYPES = "What the dataset may hold; at least one.";

	private DatasetBodies() {
	}

	@Schema(name = "DatasetCreate", description = "A new dataset; unknown fields are ignored.")
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Create(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = NAME, minLength = 1, maxLength = 255,
					pattern = "^[A-Za-z0-9_]+$", example = "march_2025_sports_clips") String name,
			@Schema(types = {
					"string", "null" }, maxLength = 10_000) String description,
			@Schema(description = "The encoder of its vectors (default `multimodal`); it cannot change later.",
					example = "multimodal") String encoderName,
			@ArraySchema(minItems = 1, schema = @Schema(allowableValues = { "image", "video", "audio", "document" }),
					arraySchema = @Schema(description = TYPES,
							example = "[\"image\", \"video\"]")) List<String> allowedAssetTypes,
			@Schema(allowableValues = { "intelligent", "uniform" },
					defaultValue = "intelligent") String keyframeSamplingMethod,
			@Schema(types = { "number", "null" }, minimum = "0.00001", maximum = "5",
					description = "Frames per second when sampling is `uniform`.") Double keyframeUniformFpsSamplingRate,
			@Schema(defaultValue = "true") Boolean storeOriginal,
			@Schema(defaultValue = "true",
					description = "Derive a preview of each item placed in it.") Boolean storePreview,
			@ArraySchema(maxItems = 100) List<String> metadataFieldsToIndex,
			@ArraySchema(maxItems = 100) List<String> metadataFieldsToEmbed,
			@Schema(types = { "object", "null" },
					description = "Free configuration, kept and returned as sent; at most 64 KiB.") Map<String, Object> datasetConfig,
			@Schema(description = """
					Keeps a known id during a migration; operator keys only (a member key gets 403 \
					`operator-key-required`, an id that exists 409 `id-taken`).""") UUID datasetId,
			@Schema(description = """
					Accepted from Coactive clients and ignored: Lethe has no permit lists; only its \
					type is checked.""") Boolean addToPermit){
	}

	@Schema(name = "DatasetUpdate", description = """
			The fields to change: only those sent change, `null` clears a nullable one. \
			`encoder_name` cannot change (422).""")
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Update(@Schema(description = NAME, minLength = 1, maxLength = 255, pattern = "^[A-Za-z0-9_]+$") String name,
			@Schema(types = {
					"string", "null" }, maxLength = 10_000) String description,
			@ArraySchema(minItems = 1, schema = @Schema(allowableValues = { "image", "video", "audio", "document" }),
					arraySchema = @Schema(description = TYPES)) List<String> allowedAssetTypes,
			@Schema(allowableValues = { "intelligent", "uniform" }) String keyframeSamplingMethod,
			@Schema(types = { "number", "null" }, minimum = "0.00001",
					maximum = "5") Double keyframeUniformFpsSamplingRate,
			Boolean storeOriginal, Boolean storePreview,
			@ArraySchema(maxItems = 100) List<String> metadataFieldsToIndex,
			@ArraySchema(maxItems = 100) List<String> metadataFieldsToEmbed,
			@Schema(types = { "object", "null" }, description = "At most 64 KiB.") Map<String, Object> datasetConfig){
	}

}
