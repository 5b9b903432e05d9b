package io.lethe.command.item.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/datasets/{id}/search}; the vector is checked by
 * {@link VectorBody}.
 */
@Schema(name = "SearchQuery", description = "A nearest-neighbour query; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SearchQuery(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The encoder whose vectors to search.",
				example = "multimodal") @NotNull(message = "Field required") String embeddingName,
		@Schema(implementation = float[].class, requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The query vector: the encoder's dimension (at most 16,000) of finite numbers.") JsonNode vector,
		@Schema(minimum = "1", maximum = "100", defaultValue = "10", description = "How many items to answer.") @Min(
				value = 1, message = "Input should be greater than or equal to 1") @Max(value = 100,
						message = "Input should be less than or equal to 100") Integer k) {
}
