package io.lethe.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a receipt's signature the way its owner would: HMAC-SHA256 over the body with
 * the service's key.
 */
final class Receipts {

	private Receipts() {
	}

	static boolean verifies(String body, String signatureHex, String key) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signatureHex));
	}

}
