package io.lethe.command.receipt.web;

import io.lethe.command.openapi.Tags;
import io.lethe.command.receipt.ReceiptVerifier;
import io.lethe.problems.TypedBodies;
import io.lethe.problems.TypedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a receipt for its holder, store or completion receipt alike. Anyone can do the
 * same with the keys at {@code /.well-known/jwks.json} and a JOSE library of their own;
 * this route is the convenience.
 */
@Tag(name = Tags.RECEIPTS)
@RestController
class ReceiptVerificationController {

	private final ReceiptVerifier verifier;

	ReceiptVerificationController(ReceiptVerifier verifier) {
		this.verifier = verifier;
	}

	@Operation(operationId = "verifyReceipt", summary = "Verify a receipt", description = """
			Checks a receipt's JWS against the keys at `/.well-known/jwks.json`: a store receipt \
			(the purge worker's, `typ` `lethe-receipt+jwt`) or a completion receipt (this service's, \
			`lethe-completion-receipt+jwt`). ES256 only; a receipt of one kind signed with the other \
			service's key does not verify. One changed byte makes it `valid: false`, with the reason.""")
	@PostMapping(path = "/api/v1/receipts/verify", consumes = "application/json")
	Verification verify(@TypedBody TypedBodies.Body<ReceiptCheck> body) {
		ReceiptVerifier.Check check = this.verifier.verify(body.valid().jws());
		return new Verification(check.valid(), check.kind(), check.keyId(), "ES256", check.reason());
	}

	/** Whether the receipt verifies, which kind it is and the key it was checked with. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Verification(boolean valid, @Schema(types = {
			"string", "null" }, allowableValues = { "store", "completion" },
			description = "`store` (the purge's) or `completion` (the downstream ledger's); null when "
					+ "the JWS's header names neither.") String kind,
			@Schema(types = { "string", "null" },
					description = "The `kid` of the JWS's header, when it has one.") String keyId,
			@Schema(description = "What a receipt must be signed with: ES256.") String algorithm,
			@Schema(types = { "string", "null" },
					description = "Why it does not verify; null when it does.") String reason){
	}

}
