package io.lethe.command.compat.modelarts.web;

import java.util.List;

import io.lethe.problems.TypedBodies.Types;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of ModelArts' batch delete: {@code samples} is optional there, and none
 * deletes nothing.
 */
@Schema(name = "ModelArtsSamplesDelete", description = "The samples to delete; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ModelArtsSamplesDelete(
		@ArraySchema(maxItems = 1000, schema = @Schema(minLength = 1, maxLength = 255),
				arraySchema = @Schema(description = """
						Sample ids, at most `lethe.samples.max-batch` (1,000 by default); answered in \
						this order.""")) List<@Size(min = 1, max = 255,
						message = "String should have 1 to 255 characters and no NUL",
						payload = Types.StringLength.class) String> samples,
		@Schema(defaultValue = "false", description = "Delete the samples' source files too.") Boolean deleteSource,
		@Schema(defaultValue = "false", description = """
				Lethe's own: with `delete_source`, delete a source even when another live sample uses \
				it.""") Boolean force) {
}
