package io.lethe.purge.receipt;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

/**
 * Receipts as JWS (RFC 7515) in compact serialization: ES256 over the canonical receipt
 * JSON, the key's id in the protected header, so that anyone holding the public keys (at
 * {@code /.well-known/jwks.json}) can check one without asking Lethe.
 */
final class ReceiptJws {

	static final String ALGORITHM = "ES256";

	/** The media type of the signed document, in the header's {@code typ}. */
	static final String TYPE = "lethe-receipt+jwt";

	private final ReceiptKeys keys;

	ReceiptJws(ReceiptKeys keys) {
		this.keys = keys;
	}

	String keyId() {
		return this.keys.keyId();
	}

	ReceiptKeys keys() {
		return this.keys;
	}

	/** The compact JWS of {@code body}; its payload is the body's UTF-8 bytes. */
	String sign(String body) {
		return this.keys.sign(body, TYPE);
	}

	/**
	 * Checks a compact JWS against the key its header names. Only ES256 is accepted: a
	 * receipt that names another algorithm (or none) fails, whatever its signature.
	 */
	Check verify(String compact) {
		JWSObject jws;
		try {
			jws = JWSObject.parse(compact.strip());
		}
		catch (ParseException ex) {
			return new Check(false, null, "not a JWS in compact serialization (header.payload.signature)");
		}
		String keyId = jws.getHeader().getKeyID();
		if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
			return new Check(false, keyId, "signed with " + jws.getHeader().getAlgorithm() + "; receipts are ES256");
		}
		Optional<ECKey> key = this.keys.verifying(keyId);
		if (key.isEmpty()) {
			return new Check(false, keyId, "signed with key " + keyId + ", which this service does not know or has "
					+ "retired; it signs with key " + this.keys.keyId());
		}
		try {
			boolean valid = jws.verify(new ECDSAVerifier(key.get()));
			return new Check(valid, keyId,
					valid ? null : "the signature does not match the receipt (changed, or not signed by this key)");
		}
		catch (JOSEException ex) {
			return new Check(false, keyId, "the signature could not be checked: " + ex.getMessage());
		}
	}

	/** The compact JWS's third part: the signature, base64url. */
	static String signaturePart(String compact) {
		return compact.substring(compact.lastIndexOf('.') + 1);
	}

	/** Whether a JWS verified, with the key its header named and why not. */
	record Check(boolean valid, String keyId, String reason) {
	}

}
