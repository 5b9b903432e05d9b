package io.lethe.purge.receipt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.lethe.purge.metrics.PurgeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed receipts of purges, one per job. A receipt is issued once: a resumed or
 * repeated purge finds and returns the stored one, so its owner always holds the same
 * proof.
 */
@Service
public class Receipts {

	private static final Logger logger = LoggerFactory.getLogger(Receipts.class);

	private final JdbcClient jdbc;

	private final ReceiptJws signer;

	private final ReceiptSigner hmac;

	private final PurgeMetrics metrics;

	Receipts(JdbcClient jdbc, ReceiptSigningProperties signing, ReceiptProperties hmac, PurgeMetrics metrics) {
		this.jdbc = jdbc;
		this.signer = new ReceiptJws(signing.keys());
		this.hmac = new ReceiptSigner(hmac);
		this.metrics = metrics;
	}

	public Optional<Receipt> findByJob(UUID jobId) {
		return this.jdbc.sql("select * from purge.receipts where job_id = ?")
			.param(jobId)
			.query((rs, row) -> new Receipt(rs.getObject("job_id", UUID.class), rs.getString("root_type"),
					rs.getObject("root_id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("body"),
					rs.getString("signature"), rs.getString("algorithm"), rs.getString("key_id"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("jws"),
					rs.getString("public_key")))
			.optional();
	}

	/**
	 * Signs and stores the receipt for a verified purge, unless the job has one already;
	 * either way returns the job's one receipt.
	 */
	@Transactional
	public Receipt issue(PurgeFacts facts) {
		Optional<Receipt> existing = findByJob(facts.jobId());
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!facts.verification().clean()) {
			throw new IllegalStateException("No receipt for job " + facts.jobId() + ": verification found residue");
		}
		Instant now = Instant.now();
		String body = CanonicalReceipt.write(UUID.randomUUID(), facts, now, this.signer.keyId());
		String jws = this.signer.sign(body);
		String publicKey = this.signer.keys().verifying(this.signer.keyId()).orElseThrow().toJSONString();
		int inserted = this.jdbc.sql("""
				insert into purge.receipts (job_id, root_type, root_id, org_id, body, signature, algorithm, key_id,
				        created_at, jws, public_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (job_id) do nothing
				""")
			.params(facts.jobId(), facts.rootType(), facts.rootId(), facts.orgId(), body, ReceiptJws.signaturePart(jws),
					ReceiptJws.ALGORITHM, this.signer.keyId(), now.atOffset(ZoneOffset.UTC), jws, publicKey)
			.update();
		if (inserted > 0) {
			this.metrics.receiptIssued();
		}
		Receipt receipt = findByJob(facts.jobId()).orElseThrow();
		logger.info("Receipt for job {} ({} {}) signed with key {}", facts.jobId(), facts.rootType(), facts.rootId(),
				receipt.keyId());
		return receipt;
	}

	/**
	 * Whether a receipt in compact JWS form was signed by a key this service signs or
	 * still verifies with, and is unchanged; with the key its header names.
	 */
	public JwsCheck verifyJws(String jws) {
		ReceiptJws.Check check = this.signer.verify(jws);
		this.metrics.receiptVerified(check.valid());
		return new JwsCheck(check.valid(), check.keyId(), check.reason());
	}

	/**
	 * The id of the HMAC key that {@code signature} over {@code body} verifies with (a
	 * receipt issued before receipts became JWS): the one named by {@code keyId} (null:
	 * any still kept), compared in constant time. Empty when none does, or when the named
	 * key is unknown or retired.
	 */
	public Optional<String> verifyingHmacKey(String body, String signature, String keyId) {
		Optional<String> key = this.hmac.verifyingKey(body, signature, keyId);
		this.metrics.receiptVerified(key.isPresent());
		return key;
	}

	/** Whether HMAC receipts signed with the key of that id still verify here. */
	public boolean knowsHmacKey(String keyId) {
		return this.hmac.knows(keyId);
	}

	/** The id of the key receipts are signed with now. */
	public String keyId() {
		return this.signer.keyId();
	}

	/**
	 * The public keys receipts verify with, as a JWK set's JSON: the signing key's, then
	 * those kept from before a rotation. Never a private part.
	 */
	public String publicKeys() {
		return this.signer.keys().publicKeySet().toString(true);
	}

	/** Whether a JWS receipt verified, with the key its header names and why not. */
	public record JwsCheck(boolean valid, String keyId, String reason) {
	}

}
