package io.lethe.command.receipt.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/receipts/verify}. */
@Schema(name = "ReceiptCheck", description = "A receipt to check; unknown fields are ignored.")
record ReceiptCheck(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1_000_000, description = """
		The receipt's compact JWS: a store receipt's `receipt.jws` or a completion receipt's \
		`completion_receipt.jws`. A receipt of the HMAC era (no JWS) verifies only at the purge \
		worker's `POST /api/v1/receipts/verify`, which holds its key.""") @NotNull(
		message = "Field required: the receipt's compact JWS (a receipt of the HMAC era verifies at the "
				+ "purge worker's POST /api/v1/receipts/verify)") @Size(max = 1_000_000,
						message = "String should have at most 1000000 characters") String jws) {
}
