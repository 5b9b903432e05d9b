package io.lethe.command.dataset.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.encoder.Encoder;
import io.lethe.command.encoder.EncoderCatalog;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The dataset resource in the Coactive shape: every field, snake_case, ISO-8601 UTC
 * times.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Dataset")
record DatasetResponse(Instant createdDt, String createdBy, UUID id, String name, List<EmbeddingResponse> embeddings,
		List<EmbeddingResponse> encoders, @Schema(types = {
				"string", "null" }) String description,
		List<String> allowedAssetTypes,
		@Schema(allowableValues = { "active", "pending_deletion", "purging", "purged" }) String status,
		@Schema(allowableValues = { "intelligent", "uniform" }) String keyframeSamplingMethod, boolean storeOriginal,
		boolean storePreview, @Schema(types = { "string", "null" }, format = "date-time") Instant updatedDt,
		@Schema(types = { "string", "null" }) String updatedBy,
		@Schema(types = { "string", "null" }, format = "date-time") Instant deletedDt,
		@Schema(types = { "string", "null" }) String deletedBy,
		@Schema(types = { "number", "null" }, format = "double") Double keyframeUniformFpsSamplingRate,
		@Schema(types = { "array", "null" }) List<String> metadataFieldsToIndex,
		@Schema(types = { "array", "null" }) List<String> metadataFieldsToEmbed,
		@Schema(types = { "object", "null" },
				description = "The dataset's configuration, as sent.") @JsonRawValue String datasetConfig,
		@Schema(types = { "string", "null" }, format = "date-time",
				description = "When the purge may run; set once the dataset is deleted.") Instant expiresAt){

	static DatasetResponse of(Dataset d, EncoderCatalog encoders) {
		List<EmbeddingResponse> embeddings = encoders.find(d.encoderName())
			.map(EmbeddingResponse::of)
			.map(List::of)
			.orElse(List.of());
		return new DatasetResponse(d.createdDt(), d.createdBy(), d.id(), d.name(), embeddings, embeddings,
				d.description(), d.allowedAssetTypes(), d.status().value(), d.keyframeSamplingMethod(),
				d.storeOriginal(), d.storePreview(), d.updatedDt(), d.updatedBy(), d.deletedDt(), d.deletedBy(),
				d.keyframeUniformFpsSamplingRate(), d.metadataFieldsToIndex(), d.metadataFieldsToEmbed(),
				d.datasetConfig(), d.expiresAt());
	}

	/**
	 * An encoder of the dataset, listed under both {@code embeddings} and
	 * {@code encoders}.
	 */
	record EmbeddingResponse(UUID id, String name, String modality, List<String> modalities) {

		static EmbeddingResponse of(Encoder encoder) {
			return new EmbeddingResponse(encoder.id(), encoder.name(), encoder.modality(), encoder.modalities());
		}

	}

}
