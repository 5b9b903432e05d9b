package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HMAC-SHA256 keys receipts were signed with before they became JWS
 * ({@code lethe.receipts.*}): they sign nothing now, and are kept only so that
 * {@code POST /api/v1/receipts/verify} still checks receipts issued in that form. Each
 * receipt names its key by id.
 *
 * @param hmacKey the last HMAC-SHA256 key, at least 32 bytes; blank: no HMAC receipt
 * verifies
 * @param keyId names that key in its receipts
 * @param previousKeys older HMAC keys, as {@code id=key,id=key} (empty: none)
 */
@ConfigurationProperties("lethe.receipts")
record ReceiptProperties(String hmacKey, String keyId, String previousKeys) {

	ReceiptProperties {
		hmacKey = (hmacKey != null) ? hmacKey.strip() : "";
		if (!hmacKey.isEmpty() && hmacKey.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException(
					"LETHE_RECEIPT_KEY (lethe.receipts.hmac-key) must be at least 32 bytes (openssl rand -hex 32)");
		}
		if (!hmacKey.isEmpty() && (keyId == null || keyId.isBlank())) {
			throw new IllegalArgumentException("lethe.receipts.key-id must be set");
		}
		previousKeys = (previousKeys != null) ? previousKeys.strip() : "";
		verificationKeys(hmacKey, keyId, previousKeys);
	}

	/** Every HMAC key that verifies, by id: the last one first, then the older ones. */
	Map<String, String> verificationKeys() {
		return verificationKeys(this.hmacKey, this.keyId, this.previousKeys);
	}

	private static Map<String, String> verificationKeys(String hmacKey, String keyId, String previousKeys) {
		Map<String, String> keys = new LinkedHashMap<>();
		if (!hmacKey.isEmpty()) {
			keys.put(keyId, hmacKey);
		}
		for (String entry : previousKeys.isEmpty() ? new String[0] : previousKeys.split(",")) {
			int equals = entry.indexOf('=');
			String id = (equals > 0) ? entry.substring(0, equals).strip() : "";
			String key = (equals > 0) ? entry.substring(equals + 1).strip() : "";
			if (id.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length < 32 || keys.containsKey(id)) {
				throw new IllegalArgumentException("LETHE_RECEIPT_PREVIOUS_KEYS (lethe.receipts.previous-keys) must "
						+ "be id=key pairs separated by commas, each key at least 32 bytes, each id once and not "
						+ "the signing key's");
			}
			keys.put(id, key);
		}
		return keys;
	}

}
