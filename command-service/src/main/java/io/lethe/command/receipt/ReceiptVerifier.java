package io.lethe.command.receipt;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

import org.springframework.stereotype.Component;

/**
 * Checks a receipt's JWS against the keys this service publishes, as anyone can with
 * them: a store receipt (the worker's, {@code typ} {@code lethe-receipt+jwt}) or a
 * completion receipt (this service's, {@code lethe-completion-receipt+jwt}). Only ES256
 * is accepted, and a receipt of one kind signed with the other service's key is refused.
 */
@Component
public class ReceiptVerifier {

	private final PublicKeys keys;

	ReceiptVerifier(PublicKeys keys) {
		this.keys = keys;
	}

	/**
	 * Whether a JWS verified; {@code kind} is {@code store} or {@code completion} (null
	 * when the header names neither).
	 */
	public record Check(boolean valid, String kind, String keyId, String reason) {
	}

	public Check verify(String compact) {
		JWSObject jws;
		try {
			jws = JWSObject.parse(compact.strip());
		}
		catch (ParseException ex) {
			return new Check(false, null, null, "not a JWS in compact serialization (header.payload.signature)");
		}
		String keyId = jws.getHeader().getKeyID();
		String kind = kind(jws.getHeader().getType());
		if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
			return new Check(false, kind, keyId,
					"signed with " + jws.getHeader().getAlgorithm() + "; receipts are ES256");
		}
		if (kind == null) {
			return new Check(false, null, keyId, "its header's typ is " + jws.getHeader().getType() + ", not "
					+ CompletionReceipts.STORE_TYPE + " nor " + CompletionReceipts.TYPE);
		}
		Optional<PublicKeys.Known> known = this.keys.find(keyId);
		if (known.isEmpty()) {
			return new Check(false, kind, keyId,
					"signed with key " + keyId + ", which is not among the keys at /.well-known/jwks.json");
		}
		String issuer = "completion".equals(kind) ? PublicKeys.COMMAND_SERVICE : PublicKeys.WORKER;
		if (!issuer.equals(known.get().issuer())) {
			return new Check(false, kind, keyId, "a " + kind + " receipt signed with key " + keyId + ", which is the "
					+ known.get().issuer() + "'s: " + issuer + " signs " + kind + " receipts");
		}
		try {
			boolean valid = jws.verify(new ECDSAVerifier(ECKey.parse(known.get().jwk())));
			return new Check(valid, kind, keyId,
					valid ? null : "the signature does not match the receipt (changed, or not signed by this key)");
		}
		catch (JOSEException | ParseException ex) {
			return new Check(false, kind, keyId, "the signature could not be checked: " + ex.getMessage());
		}
	}

	private static String kind(JOSEObjectType type) {
		if (type == null) {
			return null;
		}
		return switch (type.getType()) {
			case CompletionReceipts.STORE_TYPE -> "store";
			case CompletionReceipts.TYPE -> "completion";
			default -> null;
		};
	}

}
