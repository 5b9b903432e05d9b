package io.lethe.purge.receipt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a receipt's JSON in one fixed form: fields in a stable order, no whitespace, UTC
 * times to the millisecond. The signature covers exactly these bytes (UTF-8): they are
 * the JWS payload.
 */
final class CanonicalReceipt {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CanonicalReceipt() {
	}

	static String write(UUID receiptId, PurgeFacts facts, Instant completedAt, String keyId) {
		ObjectNode receipt = JSON.createObjectNode();
		receipt.put("receipt_id", receiptId.toString());
		receipt.put("job_id", facts.jobId().toString());
		receipt.put("root_type", facts.rootType());
		receipt.put("root_id", facts.rootId().toString());
		receipt.put("org_id", facts.orgId().toString());
		receipt.put("requested_by", facts.requestedBy());
		receipt.put("requested_at", time(facts.requestedAt()));
		receipt.put("purge_started_at", time(facts.purgeStartedAt()));
		receipt.put("completed_at", time(completedAt));
		ObjectNode counts = receipt.putObject("counts");
		counts.put("vectors", facts.counts().vectors());
		counts.put("objects", facts.counts().objects());
		counts.put("rows", facts.counts().rows());
		PurgeFacts.Verification verification = facts.verification();
		ObjectNode verified = receipt.putObject("verification");
		verified.put("rows_remaining", verification.rowsRemaining());
		verified.put("vectors_remaining", verification.vectorsRemaining());
		verified.put("object_versions_remaining", verification.objectVersionsRemaining());
		verified.put("multipart_uploads_remaining", verification.multipartUploadsRemaining());
		verified.put("prefix_count", verification.prefixCount());
		verified.put("prefixes_sha256", verification.prefixesSha256());
		if (verification.prefixes() != null) {
			ArrayNode prefixes = verified.putArray("prefixes");
			verification.prefixes().forEach(prefixes::add);
		}
		receipt.put("algorithm", ReceiptJws.ALGORITHM);
		receipt.put("key_id", keyId);
		return JSON.writeValueAsString(receipt);
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

}
