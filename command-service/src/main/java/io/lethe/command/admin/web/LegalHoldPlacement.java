package io.lethe.command.admin.web;

import io.lethe.problems.TypedBodies.Types;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/admin/datasets/{id}/legal-hold}: why, for the audit. */
@Schema(name = "LegalHoldPlacement", description = "Why the dataset is held; audited.")
record LegalHoldPlacement(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Reason.MAX,
		example = "Litigation hold, case 2025-118") @NotNull(message = "Field required") @Size(min = 1,
				max = Reason.MAX, message = Reason.LENGTH,
				payload = Types.StringLength.class) @Pattern(regexp = Reason.NOT_BLANK, message = Reason.LENGTH,
						payload = Types.StringLength.class) String reason) {
}
