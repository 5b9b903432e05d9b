package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a receipt's bytes, as lower-case hex: how receipts were signed before
 * they became JWS. The worker signs no new receipt this way; it keeps the keys to check
 * the receipts already issued.
 */
final class ReceiptSigner {

	static final String ALGORITHM = "HMAC-SHA256";

	private static final String JCA_NAME = "HmacSHA256";

	private final SecretKeySpec key;

	private final String keyId;

	/** Every key that verifies, the signing key first. */
	private final Map<String, SecretKeySpec> verifying = new LinkedHashMap<>();

	ReceiptSigner(ReceiptProperties properties) {
		this.key = properties.hmacKey().isEmpty() ? null
				: new SecretKeySpec(properties.hmacKey().getBytes(StandardCharsets.UTF_8), JCA_NAME);
		this.keyId = properties.keyId();
		properties.verificationKeys()
			.forEach((id, key) -> this.verifying.put(id,
					new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), JCA_NAME)));
	}

	/** Whether receipts signed with the key of that id still verify here. */
	boolean knows(String keyId) {
		return this.verifying.containsKey(keyId);
	}

	String keyId() {
		return this.keyId;
	}

	/** For tests that need a receipt in the old form. */
	String sign(String body) {
		return HexFormat.of().formatHex(mac(this.key, body));
	}

	/** Recomputes the HMAC with the signing key and compares in constant time. */
	boolean verify(String body, String signature) {
		return verifyingKey(body, signature, this.keyId).isPresent();
	}

	/**
	 * The id of the key the signature is the HMAC of {@code body} with (compared in
	 * constant time): the key named by {@code keyId}, or, with none named, any key that
	 * still verifies.
	 */
	Optional<String> verifyingKey(String body, String signature, String keyId) {
		if (body == null || signature == null) {
			return Optional.empty();
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.strip().toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		for (Map.Entry<String, SecretKeySpec> key : this.verifying.entrySet()) {
			if ((keyId == null || keyId.equals(key.getKey()))
					&& MessageDigest.isEqual(mac(key.getValue(), body), given)) {
				return Optional.of(key.getKey());
			}
		}
		return Optional.empty();
	}

	private static byte[] mac(SecretKeySpec key, String body) {
		try {
			Mac mac = Mac.getInstance(JCA_NAME);
			mac.init(key);
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
