package io.lethe.purge.receipt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReceiptKeysTests {

	private static final String KEY = "a-signing-key-of-at-least-32-bytes-0001";

	private static final String OLD = "a-retired-key-of-at-least-32-bytes-00002";

	private static final String SIGNING = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"es-2\","
			+ "\"x\":\"GyFMD4wArrx5G4vGBU3tOEVyys0NPPOlFx_lteCrS9E\",\"y\":\"G3wVq9k931WfLOrniosrSsnUMHCAMW6h-NXzolNU4ZE\","
			+ "\"d\":\"7zl0f-9hx2dD_SbdKsQtJ1L643Dow3PMEoNRipYl-fI\"}";

	private static final String PREVIOUS = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"es-1\","
			+ "\"x\":\"iD9i9tJF8HEPvwNZpo7vXEV_iFKDperAVJTiBIMEudI\",\"y\":\"IySdKyacLSVZaqmIDcRaVHKOkWyV_47qSNp2ro4Fpg8\","
			+ "\"d\":\"hLT3-xIRJ7dys9hGRmZ2ha0CSmm4mr7OQI8H4k76geU\"}";

	@Test
	void withoutASigningKeyTheWorkerRefusesToStartAndNamesTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptSigningProperties("", ""))
			.withMessageContaining("LETHE_RECEIPT_SIGNING_KEY is not set");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptSigningProperties("{\"kty\": \"oct\"", ""))
			.withMessageContaining("LETHE_RECEIPT_SIGNING_KEY is not a JWK");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReceiptSigningProperties(SIGNING.replaceAll(",\"d\":\"[^\"]+\"", ""), ""))
			.withMessageContaining("must be a private key");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptSigningProperties(SIGNING, SIGNING))
			.withMessageContaining("LETHE_RECEIPT_PREVIOUS_PUBLIC_KEYS");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptProperties("short", "k1", ""))
			.withMessageContaining("at least 32 bytes");
	}

	@Test
	void thePublishedKeysAreTheSigningAndPreviousKeysWithoutTheirPrivateParts() {
		ReceiptKeys keys = new ReceiptSigningProperties(SIGNING, "{\"keys\": [" + PREVIOUS + "]}").keys();

		assertThat(keys.keyId()).isEqualTo("es-2");
		assertThat(keys.publicKeySet().getKeys()).extracting((key) -> key.getKeyID()).containsExactly("es-2", "es-1");
		assertThat(keys.publicKeySet().toString(true)).doesNotContain("\"d\"");
		assertThat(keys.verifying("es-1")).get().matches((key) -> !key.isPrivate());
		assertThat(keys.verifying("es-0")).isEmpty();
	}

	@Test
	void withoutAnHmacKeyNoReceiptOfTheHmacEraVerifies() {
		ReceiptSigner none = new ReceiptSigner(new ReceiptProperties("", "receipt-key-1", ""));
		String signature = new ReceiptSigner(new ReceiptProperties(KEY, "receipt-key-1", "")).sign("receipt");

		assertThat(none.verifyingKey("receipt", signature, null)).isEmpty();
		assertThat(none.knows("receipt-key-1")).isFalse();
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
