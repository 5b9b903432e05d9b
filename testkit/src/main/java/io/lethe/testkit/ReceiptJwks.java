package io.lethe.testkit;

import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Checks a receipt the way an auditor would, with nothing of Lethe's code: jose4j, a JOSE
 * implementation other than the one the worker signs with, and the JWK set the service
 * publishes at {@code /.well-known/jwks.json}.
 */
public final class ReceiptJwks {

	private ReceiptJwks() {
	}

	/**
	 * Whether the compact JWS is ES256-signed by the key of the set its {@code kid}
	 * names.
	 */
	public static boolean verifies(String compactJws, String jwksJson) {
		try {
			List<JsonWebKey> keys = new JsonWebKeySet(jwksJson).getJsonWebKeys();
			JsonWebSignature jws = new JsonWebSignature();
			jws.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
					AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
			jws.setCompactSerialization(compactJws);
			JsonWebKey key = new VerificationJwkSelector().select(jws, keys);
			if (key == null) {
				return false;
			}
			jws.setKey(key.getKey());
			return jws.verifySignature();
		}
		catch (JoseException ex) {
			return false;
		}
	}

	/** The JWS's protected header, as JSON text. */
	public static String header(String compactJws) {
		try {
			JsonWebSignature jws = new JsonWebSignature();
			jws.setCompactSerialization(compactJws);
			return jws.getHeaders().getFullHeaderAsJsonString();
		}
		catch (JoseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * The JWS with {@code from} replaced by {@code to} in its payload and the signature
	 * kept: a tampered receipt.
	 */
	public static String tampered(String compactJws, String from, String to) {
		String[] parts = compactJws.split("\\.");
		java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
		String payload = new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
		if (!payload.contains(from)) {
			throw new IllegalArgumentException("The receipt has no " + from + ": " + payload);
		}
		String changed = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return parts[0] + "." + changed + "." + parts[2];
	}

}
