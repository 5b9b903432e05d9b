package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The receipt signing key ({@code lethe.receipts.*}). The key id goes into every receipt,
 * so that a verifier knows which key to use once keys rotate; receipts signed with a
 * previous key still verify while that key is listed.
 *
 * @param hmacKey the HMAC-SHA256 key, at least 32 bytes
 * @param keyId names the key in receipts
 * @param previousKeys keys that no longer sign but still verify, as {@code id=key,id=key}
 * (empty: none)
 */
@ConfigurationProperties("lethe.receipts")
record ReceiptProperties(String hmacKey, String keyId, String previousKeys) {

	ReceiptProperties {
		if (hmacKey == null || hmacKey.isBlank()) {
			throw new IllegalArgumentException(
					"LETHE_RECEIPT_KEY is not set (lethe.receipts.hmac-key): the worker signs "
							+ "every receipt with it, so it has no default. Set it to a secret of at least 32 bytes "
							+ "(openssl rand -hex 32), or run with the dev profile (SPRING_PROFILES_ACTIVE=dev, as make run "
							+ "does) for a development key.");
		}
		if (hmacKey.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException(
					"LETHE_RECEIPT_KEY (lethe.receipts.hmac-key) must be at least 32 bytes (openssl rand -hex 32)");
		}
		if (keyId == null || keyId.isBlank()) {
			throw new IllegalArgumentException("lethe.receipts.key-id must be set");
		}
		previousKeys = (previousKeys != null) ? previousKeys.strip() : "";
		verificationKeys(hmacKey, keyId, previousKeys);
	}

	/** Every key that verifies, by id: the signing key first, then the previous ones. */
	Map<String, String> verificationKeys() {
		return verificationKeys(this.hmacKey, this.keyId, this.previousKeys);
	}

	private static Map<String, String> verificationKeys(String hmacKey, String keyId, String previousKeys) {
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put(keyId, hmacKey);
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
