package io.lethe.command.deletion;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The completion receipt: a JWS that names the deletion, the store receipt it follows and
 * each consumer's acknowledgement, signed by this service when the ledger closed; shown
 * as it is by the deletion statuses and the operator's job detail.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompletionReceipt(@Schema(description = """
		The receipt as a JWS (RFC 7515) in compact serialization: ES256, `kid` and \
		`typ: lethe-completion-receipt+jwt` in its protected header; its payload names \
		`deletion_event_id`, `org_id`, `root_type`, `root_id`, `job_id`, `store_receipt` \
		(`job_id`, `algorithm`, `key_id`, `sha256` of its `jws` or, for the HMAC era, of its \
		`body_text`, `sha256_of`), `acknowledgements` (`consumer`, `required`, `outcome`, \
		`acked_at`, `items_deleted`) and `issued_at`. Verify it with the keys at \
		/.well-known/jwks.json.""") String jws, Instant issuedAt, @Schema(
		description = "The signing key's id: the JWS header's kid, a key of /.well-known/jwks.json.") String keyId) {

}
