package io.lethe.purge.receipt;

import io.lethe.receipt.keys.SigningKeys;

/**
 * The store receipt keys in use, from {@code LETHE_RECEIPT_SIGNING_KEY} and
 * {@code LETHE_RECEIPT_PREVIOUS_PUBLIC_KEYS}.
 */
final class ReceiptKeys extends SigningKeys {

	ReceiptKeys(String signingKey, String previousPublicKeys) {
		super(signingKey, previousPublicKeys, "LETHE_RECEIPT_SIGNING_KEY", "LETHE_RECEIPT_PREVIOUS_PUBLIC_KEYS");
	}

}
