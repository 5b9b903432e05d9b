package io.lethe.command.receipt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.ECKey;
import io.lethe.testkit.ReceiptJwks;
import io.lethe.testkit.ServiceSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * Completion receipts as an auditor checks them, with jose4j ({@link ReceiptJwks}) and
 * the JWK set the service would publish, not with the library that signed them; and a key
 * rotation that keeps the receipts of the key rotated out valid.
 */
class CompletionReceiptsTests {

	/** The key rotated out before the tests' key; its public half is in the IT base. */
	private static final String PREVIOUS = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"test-completion-0\","
			+ "\"x\":\"RP9H-m0xfEcnpPfcg5UMtJjQvez5_fZlJDz4CzCn1_o\",\"y\":\"ZagVCIONJscvouP9dkCWdnBxiRrXlYfNmyn8gI33PzA\","
			+ "\"d\":\"pEsX9fJNwZBZYsKERHNFFjeKSUOjSSPKUdk2rlBEq6A\"}";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

	private static final CompletionReceipts.Facts FACTS = new CompletionReceipts.Facts(UUID.randomUUID(),
			UUID.randomUUID(), "dataset", UUID.randomUUID(), UUID.randomUUID(),
			CompletionReceipts.StoreReceipt.of(UUID.randomUUID(), "ES256", "worker-1", "a.b.c", "{}"),
			List.of(new CompletionReceipts.Ack("search_index", true, "deleted", Instant.parse("2026-12-01T09:00:00Z"),
					120L), new CompletionReceipts.Ack("cache", true, "nothing_held", CLOCK.instant(), null)));

	@Test
	void aReceiptOfTheKeyRotatedOutStillVerifiesOnceANewKeyIsCurrent() throws Exception {
		String before = signer(PREVIOUS, "").sign(FACTS).jws();
		CompletionSigningProperties rotated = new CompletionSigningProperties(ServiceSettings.COMPLETION_SIGNING_KEY,
				"{\"keys\": [" + ECKey.parse(PREVIOUS).toPublicJWK().toJSONString() + "]}");
		String after = new CompletionReceipts(rotated, mock(PublicKeys.class), CLOCK).sign(FACTS).jws();

		String jwks = jwks(rotated.keys());
		assertThat(ReceiptJwks.verifies(before, jwks)).isTrue();
		assertThat(ReceiptJwks.verifies(after, jwks)).isTrue();
		assertThat(ReceiptJwks.header(after)).contains("\"kid\":\"test-completion-1\"",
				"\"typ\":\"lethe-completion-receipt+jwt\"", "\"alg\":\"ES256\"");
		// without the previous key published, its receipts no longer verify
		String current = jwks(new CompletionSigningProperties(ServiceSettings.COMPLETION_SIGNING_KEY, "").keys());
		assertThat(ReceiptJwks.verifies(before, current)).isFalse();
	}

	@Test
	void theReceiptNamesTheDeletionTheStoreReceiptAndEachAcknowledgementAndAChangeBreaksIt() throws Exception {
		CompletionReceipts.Signed signed = signer(ServiceSettings.COMPLETION_SIGNING_KEY, "").sign(FACTS);

		assertThat(signed.body()).contains("\"type\":\"completion\"",
				"\"deletion_event_id\":\"" + FACTS.deletionEventId() + "\"", "\"root_type\":\"dataset\"",
				"\"consumer\":\"search_index\"", "\"items_deleted\":120", "\"consumer\":\"cache\"",
				"\"sha256\":\"" + CompletionReceipts.sha256("a.b.c") + "\"", "\"sha256_of\":\"jws\"",
				"\"issued_at\":\"2026-12-01T10:00:00Z\"");
		assertThat(signed.keyId()).isEqualTo("test-completion-1");
		String jwks = jwks(new CompletionSigningProperties(ServiceSettings.COMPLETION_SIGNING_KEY, "").keys());
		assertThat(ReceiptJwks.verifies(signed.jws(), jwks)).isTrue();
		assertThat(ReceiptJwks.verifies(ReceiptJwks.tampered(signed.jws(), "\"deleted\"", "\"failed\""), jwks))
			.isFalse();
	}

	@Test
	void aMissingOrPublicOnlySigningKeyIsRefusedAtStartNamingTheVariable() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> new CompletionSigningProperties(" ", null))
			.withMessageContaining("LETHE_COMPLETION_SIGNING_KEY is not set");
		String publicOnly = ECKey.parse(PREVIOUS).toPublicJWK().toJSONString();
		assertThatIllegalArgumentException().isThrownBy(() -> new CompletionSigningProperties(publicOnly, null))
			.withMessageContaining("must be a private key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionSigningProperties(PREVIOUS, "{\"keys\": [" + publicOnly + "]}"))
			.withMessageContaining("LETHE_COMPLETION_PREVIOUS_PUBLIC_KEYS names key test-completion-0 twice");
	}

	private static CompletionReceipts signer(String key, String previous) {
		return new CompletionReceipts(new CompletionSigningProperties(key, previous), mock(PublicKeys.class), CLOCK);
	}

	private static String jwks(CompletionKeys keys) {
		return keys.publicKeys()
			.stream()
			.map(ECKey::toJSONString)
			.collect(Collectors.joining(",", "{\"keys\": [", "]}"));
	}

}
