package io.lethe.purge.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed receipt for one purge job: the JSON body exactly as signed, and its signature.
 * A receipt signed as a JWS has {@code jws} (its compact serialization, whose payload is
 * the body) and the signing key's public JWK; one of the HMAC era has neither, its hex
 * HMAC in {@code signature}.
 */
public record Receipt(UUID jobId, String rootType, UUID rootId, UUID orgId, String body, String signature,
		String algorithm, String keyId, Instant createdAt, String jws, String publicKey) {
}
