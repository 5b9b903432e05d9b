package io.lethe.command.dataset.web;

import java.util.List;

import io.lethe.command.dataset.DatasetRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code PATCH /api/v1/datasets/{id}}: every field optional. Which were sent,
 * and which as {@code null}, {@link DatasetRequests} reads from the body, as a record
 * cannot say it.
 */
@Schema(name = "DatasetUpdate", description = """
		The fields to change: only those sent change, `null` clears a nullable one. \
		`encoder_name` cannot change (422).""")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DatasetUpdate(
		@Schema(description = DatasetFields.NAME, minLength = 1, maxLength = DatasetRules.NAME_MAX) @Size.List( {
				@Size(min = 1, message = DatasetFields.NAME_TOO_SHORT),
				@Size(max = DatasetRules.NAME_MAX, message = DatasetFields.NAME_TOO_LONG) }) @Pattern(
						regexp = DatasetFields.NAME_CHARACTERS, message = DatasetFields.NAME_MISMATCH) String name,
		@Schema(types = { "string", "null" }, maxLength = DatasetRules.DESCRIPTION_MAX) @Size(
				max = DatasetRules.DESCRIPTION_MAX, message = DatasetFields.DESCRIPTION_TOO_LONG) String description,
		@ArraySchema(minItems = 1, maxItems = DatasetFields.TYPES_MAX,
				schema = @Schema(allowableValues = { "image", "video", "audio", "document" }),
				arraySchema = @Schema(description = DatasetFields.TYPES)) @Size.List({
						@Size(min = 1, message = DatasetFields.TYPES_TOO_SHORT),
						@Size(max = DatasetFields.TYPES_MAX, message = DatasetFields.TYPES_TOO_LONG) }) List<@Size(
								min = 1, max = 64, message = DatasetFields.TYPE_LENGTH) String> allowedAssetTypes,
		@Schema(allowableValues = { "intelligent", "uniform" }) String keyframeSamplingMethod,
		@Schema(types = { "number", "null" }, minimum = "0.00001", maximum = "5") @DecimalMin(value = "0.00001",
				message = DatasetFields.FPS_TOO_LOW) @DecimalMax(value = "5",
						message = DatasetFields.FPS_TOO_HIGH) Double keyframeUniformFpsSamplingRate,
		Boolean storeOriginal, Boolean storePreview,
		@ArraySchema(maxItems = DatasetRules.METADATA_FIELDS_MAX,
				schema = @Schema(minLength = 1,
						maxLength = 255)) @MetadataFields List<@MetadataFields.Name String> metadataFieldsToIndex,
		@ArraySchema(maxItems = DatasetRules.METADATA_FIELDS_MAX,
				schema = @Schema(minLength = 1,
						maxLength = 255)) @MetadataFields List<@MetadataFields.Name String> metadataFieldsToEmbed,
		@Schema(types = { "object", "null" }, implementation = Object.class,
				description = "At most 64 KiB.") ObjectNode datasetConfig){
}
