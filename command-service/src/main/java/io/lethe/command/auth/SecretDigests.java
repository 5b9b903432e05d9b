package io.lethe.command.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How Lethe stores a bearer secret it has minted (an API key's secret, a share token):
 * its SHA-256, never the secret. A fast hash is right because these secrets are random
 * (at least 192 bits), not passwords: no dictionary can guess them.
 */
public final class SecretDigests {

	private SecretDigests() {
	}

	/** The SHA-256 of the secret's UTF-8 bytes. */
	public static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The same digest as lowercase hex, as PostgreSQL's
	 * {@code encode(sha256(convert_to(secret, 'UTF8')), 'hex')} writes it.
	 */
	public static String sha256Hex(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

}
