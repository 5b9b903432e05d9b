package io.lethe.purge.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed receipt for one purge job: the JSON body exactly as signed and its HMAC.
 */
public record Receipt(UUID jobId, String rootType, UUID rootId, UUID orgId, String body, String signature,
		String algorithm, String keyId, Instant createdAt) {
}
