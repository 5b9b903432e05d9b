package io.lethe.command.share.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/datasets/{id}/shares}, which may be left out. The
 * lifetime's range is checked once parsed, as a duration has no constraint.
 */
@Schema(name = "ShareCreate", description = "The link's lifetime; the body may be left out.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ShareCreate(@Schema(types = {
		"string", "null" }, example = "P7D", description = """
				How long the link lives: an ISO-8601 duration from `PT1S` to `P90D` (default \
				`P7D`).""") String expiresIn){
}
