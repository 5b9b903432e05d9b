package io.lethe.command.ledger.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /api/v1/deletions/{root_type}/{root_id}/acks}. */
@Schema(name = "AckCreate", description = "A downstream consumer's answer to a deletion.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AckCreate(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
		"deleted", "nothing_held", "failed" }) @NotNull(message = "Field required") @Pattern(
				regexp = "deleted|nothing_held|failed",
				message = "Input should be 'deleted', 'nothing_held' or 'failed'") String outcome,
		@Schema(types = { "string", "null" }, maxLength = 4096,
				description = "What happened, in the consumer's words (a failure's cause).") @Size(max = 4096,
						message = "String should have at most 4096 characters") String detail,
		@Schema(types = { "integer", "null" }, minimum = "0") @Min(value = 0,
				message = "Input should be greater than or equal to 0") Long itemsDeleted,
		@Schema(types = { "string", "null" }, format = "uuid", description = """
				The deletion answered (`deletion_event_id` of `PurgeStarted`); left out, the root's \
				current deletion.""") String deletionEventId){
}
