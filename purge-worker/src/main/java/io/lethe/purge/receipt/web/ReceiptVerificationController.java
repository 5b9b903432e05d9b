package io.lethe.purge.receipt.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lethe.purge.receipt.Receipts;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a receipt for its holder. A JWS receipt ({@code {"jws": "…"}}) anyone can check
 * with the public keys at {@code /.well-known/jwks.json}; this route is the convenience.
 * A receipt of the HMAC era ({@code {"body", "signature", "key_id"}}) only the key's
 * holder can check, so the worker keeps those keys for this alone. The answer never
 * reveals a key.
 */
@RestController
class ReceiptVerificationController {

	private static final String HMAC = "HMAC-SHA256";

	private final Receipts receipts;

	ReceiptVerificationController(Receipts receipts) {
		this.receipts = receipts;
	}

	@PostMapping(path = "/api/v1/receipts/verify", consumes = "application/json")
	Verification verify(@RequestBody(required = false) JsonNode request) {
		List<FieldError> errors = new ArrayList<>();
		if (request == null || !request.isObject()) {
			throw new InvalidRequestException(
					FieldError.body("body", "The request body must be a JSON object", "object_type"));
		}
		String jws = text(request, "jws", false, errors);
		if (jws != null && errors.isEmpty()) {
			Receipts.JwsCheck check = this.receipts.verifyJws(jws);
			return new Verification(check.valid(), check.keyId(), "ES256", check.reason());
		}
		String body = text(request, "body", errors.isEmpty(), errors);
		String signature = text(request, "signature", errors.isEmpty(), errors);
		String keyId = text(request, "key_id", false, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (keyId != null && !this.receipts.knowsHmacKey(keyId)) {
			return new Verification(false, keyId, HMAC, "signed with HMAC key " + keyId
					+ ", which this service does not know or has retired (LETHE_RECEIPT_KEY, LETHE_RECEIPT_PREVIOUS_KEYS)");
		}
		Optional<String> verified = this.receipts.verifyingHmacKey(body, signature, keyId);
		return new Verification(verified.isPresent(), verified.orElse(keyId), HMAC, verified.isPresent() ? null
				: "the signature does not match the text (changed, or not signed by this service)");
	}

	private static String text(JsonNode request, String field, boolean required, List<FieldError> errors) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				errors.add(FieldError.body(field, "Field required", "missing"));
			}
			return null;
		}
		if (!value.isString()) {
			errors.add(FieldError.body(field, switch (field) {
				case "body" -> "Input should be the receipt text exactly as signed (receipt.body_text), as a string";
				case "jws" -> "Input should be the receipt's compact JWS (receipt.jws), as a string";
				default -> "Input should be a valid string";
			}, "string_type"));
			return null;
		}
		return value.stringValue();
	}

	/**
	 * Whether the receipt verifies, with the key id and algorithm it was checked with.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Verification(boolean valid, String keyId, String algorithm, String reason) {
	}

}
