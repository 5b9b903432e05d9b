package io.lethe.command.ledger.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PATCH /api/v1/admin/consumers/{id}}: only the fields sent change.
 */
@Schema(name = "ConsumerUpdate", description = "What changes; fields left out keep their value.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ConsumerUpdate(
		@Schema(description = ConsumerRequests.NAME) @Size(min = 1, max = 100,
				message = ConsumerRequests.NAME_LENGTH) @Pattern(regexp = ConsumerRequests.NAME_CHARACTERS,
						message = ConsumerRequests.NAME_MISMATCH) String name,
		@ArraySchema(minItems = 1, schema = @Schema(allowableValues = {
				"dataset", "asset", "samples" })) List<String> rootTypes,
		@Schema(example = "PT24H", description = ConsumerRequests.DEADLINE) String ackDeadline, Boolean required){
}
