package io.lethe.command.item.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PUT …/embeddings/{name}}. The vector stays a tree here:
 * {@link VectorBody} checks its components as 32-bit floats, naming the first ten bad
 * ones.
 */
@Schema(name = "EmbeddingPut", description = "The item's vector for the encoder.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record EmbeddingPut(@Schema(implementation = float[].class, requiredMode = Schema.RequiredMode.REQUIRED,
		description = "Exactly the encoder's dimension (at most 16,000) of finite numbers.") JsonNode vector) {
}
