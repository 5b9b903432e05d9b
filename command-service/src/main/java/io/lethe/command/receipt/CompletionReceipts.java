package io.lethe.command.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Signs completion receipts: when the downstream ledger closes a deletion, a JWS (RFC
 * 7515, compact, ES256, the key's id in its protected header) naming the deletion, the
 * store receipt it follows and each consumer's acknowledgement. Anyone checks one with
 * the keys at {@code /.well-known/jwks.json}, as a store receipt.
 */
@Service
public class CompletionReceipts {

	/** The media type of a completion receipt, in its header's {@code typ}. */
	public static final String TYPE = "lethe-completion-receipt+jwt";

	/** The media type of the worker's store receipts. */
	public static final String STORE_TYPE = "lethe-receipt+jwt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CompletionKeys keys;

	private final PublicKeys publicKeys;

	private final Clock clock;

	CompletionReceipts(CompletionSigningProperties properties, PublicKeys publicKeys, Clock clock) {
		this.keys = properties.keys();
		this.publicKeys = publicKeys;
		this.clock = clock;
	}

	/** What a completion receipt names. */
	public record Facts(UUID deletionEventId, UUID orgId, String rootType, UUID rootId, UUID jobId,
			StoreReceipt storeReceipt, List<Ack> acknowledgements) {

		public Facts {
			acknowledgements = List.copyOf(acknowledgements);
		}

	}

	/**
	 * The store receipt a completion follows: its job, algorithm and key, and the SHA-256
	 * (hex) of its compact JWS, or of its body text for a receipt of the HMAC era.
	 */
	public record StoreReceipt(UUID jobId, String algorithm, String keyId, String sha256, String sha256Of) {

		public static StoreReceipt of(UUID jobId, String algorithm, String keyId, String jws, String body) {
			return (jws != null) ? new StoreReceipt(jobId, algorithm, keyId, CompletionReceipts.sha256(jws), "jws")
					: new StoreReceipt(jobId, algorithm, keyId, CompletionReceipts.sha256(body), "body_text");
		}

	}

	/** One consumer's acknowledgement as the deletion closed. */
	public record Ack(String consumer, boolean required, String outcome, Instant ackedAt, Long itemsDeleted) {
	}

	/** A signed completion receipt: its payload exactly as signed, and the JWS. */
	public record Signed(String body, String jws, String keyId, Instant issuedAt) {
	}

	/**
	 * Signs the receipt with the current key and keeps that key's public half among the
	 * published ones, in the caller's transaction.
	 */
	public Signed sign(Facts facts) {
		Instant issuedAt = this.clock.instant();
		String body = JSON.writeValueAsString(payload(facts, issuedAt, this.keys.keyId()));
		String jws = this.keys.sign(body, TYPE);
		this.publicKeys.remember(this.keys.signing().toPublicJWK());
		return new Signed(body, jws, this.keys.keyId(), issuedAt);
	}

	private static Map<String, Object> payload(Facts facts, Instant issuedAt, String keyId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "completion");
		body.put("deletion_event_id", facts.deletionEventId().toString());
		body.put("org_id", facts.orgId().toString());
		body.put("root_type", facts.rootType());
		body.put("root_id", facts.rootId().toString());
		body.put("job_id", text(facts.jobId()));
		StoreReceipt store = facts.storeReceipt();
		if (store != null) {
			Map<String, Object> receipt = new LinkedHashMap<>();
			receipt.put("job_id", text(store.jobId()));
			receipt.put("algorithm", store.algorithm());
			receipt.put("key_id", store.keyId());
			receipt.put("sha256", store.sha256());
			receipt.put("sha256_of", store.sha256Of());
			body.put("store_receipt", receipt);
		}
		else {
			body.put("store_receipt", null);
		}
		body.put("acknowledgements", facts.acknowledgements().stream().map((ack) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("consumer", ack.consumer());
			entry.put("required", ack.required());
			entry.put("outcome", ack.outcome());
			entry.put("acked_at", (ack.ackedAt() != null) ? ack.ackedAt().toString() : null);
			entry.put("items_deleted", ack.itemsDeleted());
			return entry;
		}).toList());
		body.put("issued_at", issuedAt.toString());
		body.put("algorithm", "ES256");
		body.put("key_id", keyId);
		return body;
	}

	private static String text(UUID id) {
		return (id != null) ? id.toString() : null;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
