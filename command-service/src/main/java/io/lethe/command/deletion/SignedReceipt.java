package io.lethe.command.deletion;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The signed receipt as the deletion statuses and the operator's job detail show it:
 * {@code body} is the JSON that was signed, byte for byte, and {@code jws} the receipt as
 * a JWS that anyone can verify with the keys at {@code /.well-known/jwks.json}.
 */
@Schema(name = "Receipt")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignedReceipt(
		@Schema(types = "object", description = "The signed JSON, as an object.") @JsonRawValue String body,
		@Schema(description = "The signed JSON, byte for byte: what the signature covers.") String bodyText,
		@Schema(description = "The JWS's signature (ES256, base64url); for a receipt of the HMAC era, "
				+ "its HMAC-SHA256 in hex.") String signature,
		@Schema(description = "ES256, or HMAC-SHA256 for a receipt issued before receipts were JWS.") String algorithm,
		@Schema(description = "The signing key's id: the JWS header's kid, a key of /.well-known/jwks.json.") String keyId,
		@Schema(description = "The receipt as a JWS (RFC 7515) in compact serialization: ES256, the key id in "
				+ "its protected header, body_text as its payload. Null for a receipt of the HMAC era.",
				types = {
						"string", "null" }) String jws){

	public static SignedReceipt of(ReceiptView r) {
		return new SignedReceipt(r.body(), r.body(), r.signature(), r.algorithm(), r.keyId(), r.jws());
	}

}
