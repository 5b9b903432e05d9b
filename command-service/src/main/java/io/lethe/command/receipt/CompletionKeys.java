package io.lethe.command.receipt;

import io.lethe.receipt.keys.SigningKeys;

/**
 * The completion receipt keys in use, from {@code LETHE_COMPLETION_SIGNING_KEY} and
 * {@code LETHE_COMPLETION_PREVIOUS_PUBLIC_KEYS}: the command service's own, apart from
 * the worker's store receipt keys.
 */
final class CompletionKeys extends SigningKeys {

	CompletionKeys(String signingKey, String previousPublicKeys) {
		super(signingKey, previousPublicKeys, "LETHE_COMPLETION_SIGNING_KEY", "LETHE_COMPLETION_PREVIOUS_PUBLIC_KEYS");
	}

}
