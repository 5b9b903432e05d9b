package io.lethe.command.item.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /api/v1/datasets/{id}/items} (JSON): the asset to place. */
@Schema(name = "ItemAdd", description = "A `ready` asset of the org to place in the dataset.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ItemAdd(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
		format = "uuid") @NotNull(message = "Field required") String assetId) {
}
