package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The receipt signing key ({@code lethe.receipts.*}). The key id goes into every receipt,
 * so that a verifier knows which key to use once keys rotate.
 *
 * @param hmacKey the HMAC-SHA256 key, at least 32 bytes
 * @param keyId names the key in receipts
 */
@ConfigurationProperties("lethe.receipts")
record ReceiptProperties(String hmacKey, String keyId) {

	ReceiptProperties {
		if (hmacKey == null || hmacKey.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException("lethe.receipts.hmac-key must be at least 32 bytes");
		}
		if (keyId == null || keyId.isBlank()) {
			throw new IllegalArgumentException("lethe.receipts.key-id must be set");
		}
	}

}
