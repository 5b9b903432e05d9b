package io.lethe.command.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys completion receipts are signed with ({@code lethe.completion-receipts.*}), as
 * the worker's store receipts are: JSON Web Keys (RFC 7517) on the P-256 curve, given as
 * JSON text; {@code scripts/receipt-key} makes one.
 *
 * @param signingKey the private EC key that signs, with its {@code kid}
 * ({@code LETHE_COMPLETION_SIGNING_KEY}); required
 * @param previousPublicKeys keys that signed before a rotation, as a JWK set
 * ({@code {"keys": [...]}}) or one JWK ({@code LETHE_COMPLETION_PREVIOUS_PUBLIC_KEYS});
 * only their public parts are read
 */
@ConfigurationProperties("lethe.completion-receipts")
record CompletionSigningProperties(String signingKey, String previousPublicKeys) {

	CompletionSigningProperties {
		if (signingKey == null || signingKey.isBlank()) {
			throw new IllegalArgumentException(
					"LETHE_COMPLETION_SIGNING_KEY is not set (lethe.completion-receipts.signing-key): the command "
							+ "service signs every completion receipt with it, so it has no default. Set it to a "
							+ "private EC P-256 JWK (scripts/receipt-key prints one), or run with the dev profile "
							+ "(SPRING_PROFILES_ACTIVE=dev, as make run does) for a development key.");
		}
		previousPublicKeys = (previousPublicKeys != null) ? previousPublicKeys.strip() : "";
		// refuse a malformed key at start, not at the first receipt
		new CompletionKeys(signingKey, previousPublicKeys);
	}

	CompletionKeys keys() {
		return new CompletionKeys(this.signingKey, this.previousPublicKeys);
	}

}
