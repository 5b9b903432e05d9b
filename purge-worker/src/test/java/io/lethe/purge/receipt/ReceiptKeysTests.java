package io.lethe.purge.receipt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReceiptKeysTests {

	private static final String KEY = "a-signing-key-of-at-least-32-bytes-0001";

	private static final String OLD = "a-retired-key-of-at-least-32-bytes-00002";

	@Test
	void withoutAKeyTheWorkerRefusesToStartAndNamesTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptProperties("", "k1", ""))
			.withMessageContaining("LETHE_RECEIPT_KEY is not set");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptProperties("short", "k1", ""))
			.withMessageContaining("at least 32 bytes");
	}

	@Test
	void previousKeysVerifyButNeverSign() {
		ReceiptSigner signer = new ReceiptSigner(new ReceiptProperties(KEY, "k2", "k1=" + OLD));
		String oldSignature = new ReceiptSigner(new ReceiptProperties(OLD, "k1", "")).sign("receipt");

		assertThat(signer.keyId()).isEqualTo("k2");
		assertThat(signer.sign("receipt")).isNotEqualTo(oldSignature);
		assertThat(signer.verifyingKey("receipt", oldSignature, null)).contains("k1");
		assertThat(signer.verifyingKey("receipt", oldSignature, "k2")).isEmpty();
		assertThat(signer.verifyingKey("receipt!", oldSignature, null)).isEmpty();
		assertThat(signer.knows("k1")).isTrue();
		assertThat(signer.knows("k0")).isFalse();
	}

	@Test
	void malformedPreviousKeysAreRefusedAtStart() {
		for (String previous : new String[] { "k1", "=" + OLD, "k1=short", "k2=" + OLD, "k1=" + OLD + ",k1=" + OLD }) {
			assertThatIllegalArgumentException().as(previous)
				.isThrownBy(() -> new ReceiptProperties(KEY, "k2", previous))
				.withMessageContaining("LETHE_RECEIPT_PREVIOUS_KEYS");
		}
	}

}
