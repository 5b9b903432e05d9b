package io.lethe.purge.receipt.web;

import java.util.ArrayList;
import java.util.List;

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
 * Lets the holder of a receipt check it: an HMAC can only be verified with the key it was
 * made with, and only this service holds that key. The answer says whether the signature
 * is this service's over exactly the given text; it never reveals the key.
 */
@RestController
class ReceiptVerificationController {

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
		String body = text(request, "body", true, errors);
		String signature = text(request, "signature", true, errors);
		String keyId = text(request, "key_id", false, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		String serviceKey = this.receipts.keyId();
		if (keyId != null && !this.receipts.knowsKey(keyId)) {
			return new Verification(false, serviceKey, "HMAC-SHA256", "signed with key " + keyId
					+ ", which this service does not know or has retired; it signs with key " + serviceKey);
		}
		java.util.Optional<String> verified = this.receipts.verifyingKey(body, signature, keyId);
		return new Verification(verified.isPresent(), verified.orElse((keyId != null) ? keyId : serviceKey),
				"HMAC-SHA256", verified.isPresent() ? null
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
			errors.add(FieldError.body(field,
					("body".equals(field))
							? "Input should be the receipt text exactly as signed (receipt.body_text), as a string"
							: "Input should be a valid string",
					"string_type"));
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
