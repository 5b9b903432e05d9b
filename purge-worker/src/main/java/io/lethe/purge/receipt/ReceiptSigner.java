package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over a receipt's bytes, as lower-case hex. */
final class ReceiptSigner {

	static final String ALGORITHM = "HMAC-SHA256";

	private static final String JCA_NAME = "HmacSHA256";

	private final SecretKeySpec key;

	private final String keyId;

	ReceiptSigner(ReceiptProperties properties) {
		this.key = new SecretKeySpec(properties.hmacKey().getBytes(StandardCharsets.UTF_8), JCA_NAME);
		this.keyId = properties.keyId();
	}

	String keyId() {
		return this.keyId;
	}

	String sign(String body) {
		return HexFormat.of().formatHex(mac(body));
	}

	/** Recomputes the HMAC and compares in constant time. */
	boolean verify(String body, String signature) {
		if (body == null || signature == null) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.strip().toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(body), given);
	}

	private byte[] mac(String body) {
		try {
			Mac mac = Mac.getInstance(JCA_NAME);
			mac.init(this.key);
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
