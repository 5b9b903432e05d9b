package io.lethe.receipt.keys;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Receipt keys in use: the private key that signs, and the public keys that verify (the
 * signing key's first, then those that signed before a rotation, so their receipts keep
 * verifying). Only the public ones ever leave this class. The worker's store receipts and
 * the command service's completion receipts each have their own, named by their variables
 * in every refusal.
 */
public class SigningKeys {

	private final ECKey signing;

	private final Map<String, ECKey> verifying = new LinkedHashMap<>();

	/**
	 * @param signingKey a private EC P-256 JWK
	 * @param previousPublicKeys a JWK set ({@code {"keys": [...]}}) or one JWK; blank for
	 * none
	 * @param signingVariable the setting the signing key came from, for refusals
	 * @param previousVariable the setting the previous keys came from, for refusals
	 */
	protected SigningKeys(String signingKey, String previousPublicKeys, String signingVariable,
			String previousVariable) {
		this.signing = ecKey(parse(signingKey, signingVariable), signingVariable);
		if (!this.signing.isPrivate()) {
			throw new IllegalArgumentException(
					signingVariable + " must be a private key (a JWK with \"d\"): this one can only verify");
		}
		this.verifying.put(this.signing.getKeyID(), this.signing.toPublicJWK());
		for (ECKey previous : previousKeys(previousPublicKeys, previousVariable)) {
			if (this.verifying.putIfAbsent(previous.getKeyID(), previous.toPublicJWK()) != null) {
				throw new IllegalArgumentException(previousVariable + " names key " + previous.getKeyID()
						+ " twice, or the signing key's id: each kid once");
			}
		}
	}

	public ECKey signing() {
		return this.signing;
	}

	public String keyId() {
		return this.signing.getKeyID();
	}

	/**
	 * The compact JWS (ES256) of {@code body} with the signing key, its id as {@code kid}
	 * and {@code type} as {@code typ}; the payload is the body's UTF-8 bytes.
	 */
	public String sign(String body, String type) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId())
			.type(new JOSEObjectType(type))
			.build();
		JWSObject jws = new JWSObject(header, new Payload(body));
		try {
			jws.sign(new ECDSASigner(this.signing));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a " + type + " with key " + keyId(), ex);
		}
		return jws.serialize();
	}

	/** The public key of that id, if it is the signing key or a previous one. */
	public Optional<ECKey> verifying(String keyId) {
		return Optional.ofNullable((keyId != null) ? this.verifying.get(keyId) : null);
	}

	/**
	 * The public keys, the signing key's first: what {@code /.well-known/jwks.json}
	 * serves.
	 */
	public List<ECKey> publicKeys() {
		return List.copyOf(this.verifying.values());
	}

	/** The public keys as a JWK set. */
	public JWKSet publicKeySet() {
		return new JWKSet(List.<JWK>copyOf(this.verifying.values()));
	}

	private static List<ECKey> previousKeys(String json, String variable) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		List<JWK> keys;
		try {
			keys = json.contains("\"keys\"") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(
					variable + " is not a JWK set ({\"keys\": [...]}) nor one JWK: " + ex.getMessage(), ex);
		}
		return keys.stream().map((key) -> ecKey(key, variable)).toList();
	}

	private static JWK parse(String json, String variable) {
		if (json == null || json.isBlank()) {
			throw new IllegalArgumentException(variable + " is not set: a private EC P-256 JWK signs receipts");
		}
		try {
			return JWK.parse(json.strip());
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(variable + " is not a JWK (RFC 7517 JSON): " + ex.getMessage(), ex);
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
