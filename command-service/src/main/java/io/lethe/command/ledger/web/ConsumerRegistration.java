package io.lethe.command.ledger.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/admin/consumers}; {@link ConsumerRequests} checks the
 * root types and parses the deadline.
 */
@Schema(name = "ConsumerRegistration", description = "A downstream consumer to register.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ConsumerRegistration(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ConsumerRequests.NAME,
				example = "search_index") @NotNull(message = "Field required") @Size(min = 1, max = 100,
						message = ConsumerRequests.NAME_LENGTH) @Pattern(regexp = ConsumerRequests.NAME_CHARACTERS,
								message = ConsumerRequests.NAME_MISMATCH) String name,
		@ArraySchema(minItems = 1, schema = @Schema(allowableValues = {
				"dataset", "asset", "samples" }),
				arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
						description = "The roots whose deletions it is asked about.")) @NotNull(
								message = "Field required") List<String> rootTypes,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PT24H",
				description = ConsumerRequests.DEADLINE) @NotNull(message = "Field required") String ackDeadline,
		@Schema(defaultValue = "true",
				description = "Whether a deletion completes only once it answered.") Boolean required){
}
