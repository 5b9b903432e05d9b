package io.lethe.command.deletion.web;

import java.util.List;

import io.lethe.problems.TypedBodies.Types;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/datasets/{id}/samples/delete}. That the list is not
 * empty and within the configured batch size, the controller checks.
 */
@Schema(name = "SamplesDelete", description = "The samples to delete; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SamplesDelete(
		@ArraySchema(minItems = 1, maxItems = 1000, schema = @Schema(minLength = 1, maxLength = 255),
				arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
						Item ids of the dataset, at most `lethe.samples.max-batch` (1,000 by default); \
						answered in this order.""")) List<@Size(min = 1, max = 255,
						message = "String should have 1 to 255 characters and no NUL",
						payload = Types.StringLength.class) String> samples,
		@Schema(defaultValue = "false",
				description = "Delete each item's source asset too, unless another live item uses it.") Boolean deleteSource,
		@Schema(defaultValue = "false",
				description = "With `delete_source`, delete the source even when another live item uses it.") Boolean force) {

	static final String REQUIRED = "A non-empty list of sample ids is required";

}
