package io.lethe.purge.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys receipts are signed with as JWS ({@code lethe.receipts.*}). Both are JSON Web
 * Keys (RFC 7517) on the P-256 curve, given as JSON text so that a secret store or an
 * environment variable can carry them whole; {@code scripts/receipt-key} makes one.
 *
 * @param signingKey the private EC key that signs, with its {@code kid}
 * ({@code LETHE_RECEIPT_SIGNING_KEY}); required
 * @param previousPublicKeys keys that signed before a rotation, as a JWK set
 * ({@code {"keys": [...]}}) or one JWK ({@code LETHE_RECEIPT_PREVIOUS_PUBLIC_KEYS}); only
 * their public parts are read
 */
@ConfigurationProperties("lethe.receipts")
record ReceiptSigningProperties(String signingKey, String previousPublicKeys) {

	ReceiptSigningProperties {
		if (signingKey == null || signingKey.isBlank()) {
			throw new IllegalArgumentException(
					"LETHE_RECEIPT_SIGNING_KEY is not set (lethe.receipts.signing-key): the worker signs "
							+ "every receipt with it, so it has no default. Set it to a private EC P-256 JWK "
							+ "(scripts/receipt-key prints one), or run with the dev profile "
							+ "(SPRING_PROFILES_ACTIVE=dev, as make run does) for a development key.");
		}
		previousPublicKeys = (previousPublicKeys != null) ? previousPublicKeys.strip() : "";
		// refuse a malformed key at start, not at the first receipt
		new ReceiptKeys(signingKey, previousPublicKeys);
	}

	ReceiptKeys keys() {
		return new ReceiptKeys(this.signingKey, this.previousPublicKeys);
	}

}
