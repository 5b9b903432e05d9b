package io.lethe.command.receipt.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.lethe.command.receipt.PublicKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the receipts' public keys to anyone, with no key (store and completion receipts
 * alike): an auditor or a data owner checks a receipt's JWS with them and a JOSE library
 * of their own, without asking Lethe to vouch for itself. Cacheable for five minutes; a
 * verifier that meets an unknown {@code kid} fetches the set again.
 */
@Tag(name = Tags.RECEIPTS)
@RestController
class JwksController {

	static final String JWK_SET = "application/jwk-set+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> JWK = new TypeReference<>() {
	};

	private final PublicKeys keys;

	JwksController(PublicKeys keys) {
		this.keys = keys;
	}

	@Operation(operationId = "getReceiptKeys", summary = "Get the public keys receipts are signed with",
			description = """
					A JWK set (RFC 7517): the EC P-256 public key of every key that signed a receipt this \
					service shows, the purge worker's (store receipts) and this service's own (completion \
					receipts: its signing key first, then those rotated out), never a private part. A \
					receipt's `jws` names its key in its header's `kid`; verify it as ES256 with the key of \
					that id. No key needed.""",
			responses = @ApiResponse(responseCode = "200", description = "The public keys.",
					content = @Content(mediaType = JWK_SET, schema = @Schema(implementation = JwkSet.class))))
	@ProblemResponse(status = 406,
			description = "`Accept` names no type the key set is served as (`application/jwk-set+json`, `application/json`).")
	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<JwkSet> publicKeys() {
		List<Map<String, Object>> keys = this.keys.all().stream().map((jwk) -> JSON.readValue(jwk, JWK)).toList();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(JWK_SET))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(new JwkSet(keys));
	}

	/** A JWK set: {@code {"keys": [...]}}. */
	record JwkSet(@Schema(description = "Public JWKs: kty EC, crv P-256, kid, x, y.") List<Map<String, Object>> keys) {
	}

}
