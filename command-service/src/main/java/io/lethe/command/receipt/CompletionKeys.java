package io.lethe.command.receipt;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The completion receipt keys in use: the private key that signs, and the public keys
 * that verify (the signing key's first, then those that signed before a rotation). Only
 * the public ones ever leave this class.
 */
final class CompletionKeys {

	private static final String SIGNING = "LETHE_COMPLETION_SIGNING_KEY";

	private static final String PREVIOUS = "LETHE_COMPLETION_PREVIOUS_PUBLIC_KEYS";

	private final ECKey signing;

	private final Map<String, ECKey> verifying = new LinkedHashMap<>();

	CompletionKeys(String signingKey, String previousPublicKeys) {
		this.signing = ecKey(parse(signingKey), SIGNING);
		if (!this.signing.isPrivate()) {
			throw new IllegalArgumentException(
					SIGNING + " must be a private key (a JWK with \"d\"): this one can only verify");
		}
		this.verifying.put(this.signing.getKeyID(), this.signing.toPublicJWK());
		for (ECKey previous : previousKeys(previousPublicKeys)) {
			if (this.verifying.putIfAbsent(previous.getKeyID(), previous.toPublicJWK()) != null) {
				throw new IllegalArgumentException(PREVIOUS + " names key " + previous.getKeyID()
						+ " twice, or the signing key's id: each kid once");
			}
		}
	}

	ECKey signing() {
		return this.signing;
	}

	String keyId() {
		return this.signing.getKeyID();
	}

	/** The public key of that id, if it is the signing key or a previous one. */
	Optional<ECKey> verifying(String keyId) {
		return Optional.ofNullable((keyId != null) ? this.verifying.get(keyId) : null);
	}

	/** The public keys, the signing key's first. */
	List<ECKey> publicKeys() {
		return List.copyOf(this.verifying.values());
	}

	private static List<ECKey> previousKeys(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		List<JWK> keys;
		try {
			keys = json.contains("\"keys\"") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(
					PREVIOUS + " is not a JWK set ({\"keys\": [...]}) nor one JWK: " + ex.getMessage(), ex);
		}
		return keys.stream().map((key) -> ecKey(key, PREVIOUS)).toList();
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json.strip());
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(SIGNING + " is not a JWK (RFC 7517 JSON): " + ex.getMessage(), ex);
		}
	}

	/** An EC P-256 key with a key id (the RFC 7638 thumbprint when it has none). */
	private static ECKey ecKey(JWK jwk, String variable) {
		if (!(jwk instanceof ECKey key) || !Curve.P_256.equals(key.getCurve())) {
			throw new IllegalArgumentException(variable + " must be an EC key on curve P-256 (ES256), not "
					+ jwk.getKeyType() + ((jwk instanceof ECKey ec) ? " " + ec.getCurve() : ""));
		}
		if (key.getKeyID() != null && !key.getKeyID().isBlank()) {
			return key;
		}
		try {
			return new ECKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException(variable + ": cannot compute the key's thumbprint", ex);
		}
	}

}
