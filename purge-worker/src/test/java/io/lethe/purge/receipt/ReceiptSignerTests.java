package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReceiptSignerTests {

	private final ReceiptSigner signer = new ReceiptSigner(
			new ReceiptProperties("a-key-for-receipt-signing-tests-only", "k1", ""));

	private final PurgeFacts facts = new PurgeFacts(UUID.randomUUID(), "dataset", UUID.randomUUID(), UUID.randomUUID(),
			"key-1", Instant.parse("2025-03-01T10:15:30.123456Z"), Instant.parse("2025-03-02T03:00:00Z"),
			new PurgeFacts.Counts(10, 20, 30), verification(List.of("orgs/a/datasets/b/", "orgs/a/assets/c/")));

	@Test
	void aReceiptIsWrittenInOneStableForm() {
		UUID receiptId = UUID.randomUUID();
		Instant completed = Instant.parse("2025-03-02T03:01:00Z");

		String body = CanonicalReceipt.write(receiptId, this.facts, completed, "k1");

		assertThat(CanonicalReceipt.write(receiptId, this.facts, completed, "k1")).isEqualTo(body);
		assertThat(body).isEqualTo("{\"receipt_id\":\"" + receiptId + "\",\"job_id\":\"" + this.facts.jobId()
				+ "\",\"root_type\":\"dataset\",\"root_id\":\"" + this.facts.rootId() + "\",\"org_id\":\""
				+ this.facts.orgId() + "\",\"requested_by\":\"key-1\",\"requested_at\":\"2025-03-01T10:15:30.123Z\","
				+ "\"purge_started_at\":\"2025-03-02T03:00:00Z\",\"completed_at\":\"2025-03-02T03:01:00Z\","
				+ "\"counts\":{\"vectors\":10,\"objects\":20,\"rows\":30},\"verification\":{\"rows_remaining\":0,"
				+ "\"vectors_remaining\":0,\"object_versions_remaining\":0,\"multipart_uploads_remaining\":0,"
				+ "\"prefix_count\":2,"
				+ "\"prefixes_sha256\":\"2e34d8ae589020429d124512d11599cdd24bd19bf8d437a5cc6c35b52ab655cd\","
				+ "\"prefixes\":[\"orgs/a/datasets/b/\",\"orgs/a/assets/c/\"]},\"algorithm\":\"ES256\","
				+ "\"key_id\":\"k1\"}");
	}

	@Test
	void aReceiptOfManyPrefixesCarriesTheirCountAndDigestButNotTheList() {
		List<String> prefixes = IntStream.range(0, 100_000).mapToObj((i) -> "orgs/a/assets/" + i + "/").toList();
		PurgeFacts many = new PurgeFacts(this.facts.jobId(), "dataset", this.facts.rootId(), this.facts.orgId(),
				"key-1", this.facts.requestedAt(), this.facts.purgeStartedAt(), this.facts.counts(),
				verification(prefixes));

		String body = CanonicalReceipt.write(UUID.randomUUID(), many, Instant.now(), "k1");

		assertThat(body).contains("\"prefix_count\":100000,\"prefixes_sha256\":\"" + sha256(prefixes) + "\"}")
			.doesNotContain("\"prefixes\":")
			.hasSizeLessThan(1024);
	}

	@Test
	void aVerificationStoredWithTheWholeListReadsAsCountAndDigest() {
		PurgeFacts.Verification stored = new PurgeFacts.Verification(0, 0, 0, 0, 0, null,
				List.of("orgs/a/datasets/b/", "orgs/a/assets/c/"));

		assertThat(stored.prefixCount()).isEqualTo(2);
		assertThat(stored.prefixesSha256()).isEqualTo(this.facts.verification().prefixesSha256())
			.isEqualTo("2e34d8ae589020429d124512d11599cdd24bd19bf8d437a5cc6c35b52ab655cd");
		assertThat(stored.prefixes()).containsExactly("orgs/a/datasets/b/", "orgs/a/assets/c/");
	}

	@Test
	void aSignatureVerifiesOnlyTheExactBodyWithTheSameKey() {
		String body = CanonicalReceipt.write(UUID.randomUUID(), this.facts, Instant.now(), "k1");
		String signature = this.signer.sign(body);

		assertThat(signature).hasSize(64).matches("[0-9a-f]+");
		assertThat(this.signer.verify(body, signature)).isTrue();
		assertThat(this.signer.verify(body.replace("\"rows\":30", "\"rows\":31"), signature)).isFalse();
		assertThat(this.signer.verify(body + " ", signature)).isFalse();
		assertThat(this.signer.verify(body, "not hex")).isFalse();
		assertThat(this.signer.verify(body, null)).isFalse();
		ReceiptSigner otherKey = new ReceiptSigner(
				new ReceiptProperties("another-key-for-receipt-signing-tests", "k2", ""));
		assertThat(otherKey.verify(body, signature)).isFalse();
	}

	@Test
	void aShortSigningKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptProperties("short", "k1", ""));
	}

	private static PurgeFacts.Verification verification(List<String> prefixes) {
		PrefixDigest digest = new PrefixDigest();
		prefixes.forEach(digest::add);
		return digest.verification(0, 0, 0, 0);
	}

	/** The digest as {@code printf '%s\\n' … | sha256sum} computes it. */
	private static String sha256(List<String> prefixes) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha256.digest((String.join("\n", prefixes) + "\n").getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
