package io.lethe.purge.receipt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalReceiptTests {

	private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

	@Test
	void aReceiptIsWrittenInOneFixedFormThatTheSignatureCovers() {
		String body = CanonicalReceipt.write(ID, facts(List.of("orgs/o/datasets/d/")),
				Instant.parse("2026-12-06T10:00:00.123456Z"), "k1");

		assertThat(body).doesNotContain(" ", "\n")
			.startsWith("{\"receipt_id\":\"" + ID + "\",\"job_id\":\"" + ID + "\",\"root_type\":\"dataset\"")
			.contains("\"completed_at\":\"2026-12-06T10:00:00.123Z\"")
			.contains("\"counts\":{\"vectors\":1,\"objects\":2,\"rows\":3}")
			.contains("\"prefix_count\":1", "\"prefixes\":[\"orgs/o/datasets/d/\"]")
			.endsWith("\"algorithm\":\"" + ReceiptJws.ALGORITHM + "\",\"key_id\":\"k1\"}");
		assertThat(CanonicalReceipt.write(ID, facts(List.of("orgs/o/datasets/d/")),
				Instant.parse("2026-12-06T10:00:00.123999Z"), "k1"))
			.as("the same facts, the same bytes")
			.isEqualTo(body);
	}

	@Test
	void manyPrefixesAreNamedByTheirCountAndDigestOnly() {
		List<String> prefixes = java.util.stream.IntStream.range(0, PurgeFacts.Verification.PREFIXES_NAMED + 1)
			.mapToObj((i) -> "orgs/o/assets/" + i + "/")
			.toList();

		String body = CanonicalReceipt.write(ID, facts(prefixes), Instant.EPOCH, "k1");

		assertThat(body).contains("\"prefix_count\":101", "\"prefixes_sha256\":\"" + PrefixDigest.of(prefixes) + "\"")
			.doesNotContain("\"prefixes\":");
	}

	private static PurgeFacts facts(List<String> prefixes) {
		return new PurgeFacts(ID, "dataset", ID, ID, "someone", Instant.EPOCH, Instant.EPOCH,
				new PurgeFacts.Counts(1, 2, 3), new PurgeFacts.Verification(0, 0, 0, 0, 0, null, prefixes));
	}

}
