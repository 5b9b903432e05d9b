package io.lethe.command.entity.web;

import java.util.List;

import io.lethe.problems.TypedBodies.Types;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /api/v1/entities/{id}/assets}: the assets to link. */
@Schema(name = "EntityAssetLinks", description = "The org's assets to link; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record EntityAssetLinks(@ArraySchema(minItems = 1, maxItems = EntityAssetLinks.MAX, schema = @Schema(format = "uuid"),
		arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "Asset ids; linking a linked one changes nothing.")) @NotNull(
						message = EntityAssetLinks.REQUIRED, payload = Types.Missing.class) @Size.List( {
								@Size(min = 1, message = EntityAssetLinks.REQUIRED, payload = Types.Missing.class),
								@Size(max = EntityAssetLinks.MAX,
										message = "List should have at most " + EntityAssetLinks.MAX
												+ " items") }) List<@Size(min = 1, max = 36,
														message = "String should have 1 to 36 characters and no NUL",
														payload = Types.StringLength.class) String> assetIds){

	static final int MAX = 1000;

	static final String REQUIRED = "A non-empty list of asset ids is required";

}
