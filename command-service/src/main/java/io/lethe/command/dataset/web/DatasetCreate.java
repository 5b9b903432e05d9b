package io.lethe.command.dataset.web;

import java.util.List;

import io.lethe.command.dataset.DatasetRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /api/v1/datasets}. The constraints' messages are the API's
 * documented ones; what Bean Validation cannot say (the encoder catalog, the asset and
 * sampling choices, the config's size) {@link DatasetRequests} checks.
 */
@Schema(name = "DatasetCreate", description = "A new dataset; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DatasetCreate(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = DatasetFields.NAME, minLength = 1,
				maxLength = DatasetRules.NAME_MAX,
				example = "march_2025_sports_clips") @NotNull(message = "Field required") @Size.List( {
						@Size(min = 1, message = DatasetFields.NAME_TOO_SHORT),
						@Size(max = DatasetRules.NAME_MAX, message = DatasetFields.NAME_TOO_LONG) }) @Pattern(
								regexp = DatasetFields.NAME_CHARACTERS,
								message = DatasetFields.NAME_MISMATCH) String name,
		@Schema(types = { "string", "null" }, maxLength = DatasetRules.DESCRIPTION_MAX) @Size(
				max = DatasetRules.DESCRIPTION_MAX, message = DatasetFields.DESCRIPTION_TOO_LONG) String description,
		@Schema(description = "The encoder of its vectors (default `multimodal`); it cannot change later.",
				example = "multimodal") String encoderName,
		@ArraySchema(minItems = 1, maxItems = DatasetFields.TYPES_MAX,
				schema = @Schema(allowableValues = { "image", "video", "audio", "document" }),
				arraySchema = @Schema(description = DatasetFields.TYPES,
						example = "[\"image\", \"video\"]")) @Size.List({
								@Size(min = 1, message = DatasetFields.TYPES_TOO_SHORT),
								@Size(max = DatasetFields.TYPES_MAX,
										message = DatasetFields.TYPES_TOO_LONG) }) List<@Size(min = 1, max = 64,
												message = DatasetFields.TYPE_LENGTH) String> allowedAssetTypes,
		@Schema(allowableValues = { "intelligent", "uniform" },
				defaultValue = "intelligent") String keyframeSamplingMethod,
		@Schema(types = { "number", "null" }, minimum = "0.00001", maximum = "5",
				description = "Frames per second when sampling is `uniform`.") @DecimalMin(value = "0.00001",
						message = DatasetFields.FPS_TOO_LOW) @DecimalMax(value = "5",
								message = DatasetFields.FPS_TOO_HIGH) Double keyframeUniformFpsSamplingRate,
		@Schema(defaultValue = "true") Boolean storeOriginal,
		@Schema(defaultValue = "true",
				description = "Derive a preview of each item placed in it.") Boolean storePreview,
		@ArraySchema(maxItems = DatasetRules.METADATA_FIELDS_MAX,
				schema = @Schema(minLength = 1,
						maxLength = 255)) @MetadataFields List<@MetadataFields.Name String> metadataFieldsToIndex,
		@ArraySchema(maxItems = DatasetRules.METADATA_FIELDS_MAX,
				schema = @Schema(minLength = 1,
						maxLength = 255)) @MetadataFields List<@MetadataFields.Name String> metadataFieldsToEmbed,
		@Schema(types = { "object", "null" }, implementation = Object.class,
				description = "Free configuration, kept and returned as sent; at most 64 KiB.") ObjectNode datasetConfig,
		@Schema(format = "uuid", description = """
				Keeps a known id during a migration; operator keys only (a member key gets 403 \
				`operator-key-required`, an id that exists 409 `id-taken`).""") String datasetId,
		@Schema(description = """
				Accepted from Coactive clients and ignored: Lethe has no permit lists; only its \
				type is checked.""") Boolean addToPermit){
}
