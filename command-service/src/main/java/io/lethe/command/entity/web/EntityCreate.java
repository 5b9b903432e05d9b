package io.lethe.command.entity.web;

import io.lethe.problems.TypedBodies.Types;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /api/v1/entities}; unknown fields are ignored. */
@Schema(name = "EntityCreate", description = "A new entity; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record EntityCreate(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "1 to 255 characters, not only blanks.") @NotNull(message = "Field required") @Size(
						min = 1, max = 255, message = EntityCreate.NAME_LENGTH,
						payload = Types.StringLength.class) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*",
								message = EntityCreate.NAME_LENGTH, payload = Types.StringLength.class) String name,
		@Schema(types = {
				"string", "null" }) @Size(max = 10_000,
						message = "String should have at most 10000 characters") String description){

	static final String NAME_LENGTH = "String should have 1 to 255 characters";

}
