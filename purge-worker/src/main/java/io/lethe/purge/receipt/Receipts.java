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

	private final ReceiptSigner signer;

	private final PurgeMetrics metrics;

	Receipts(JdbcClient jdbc, ReceiptProperties properties, PurgeMetrics metrics) {
		this.jdbc = jdbc;
		this.signer = new ReceiptSigner(properties);
		this.metrics = metrics;
	}

	public Optional<Receipt> findByJob(UUID jobId) {
		return this.jdbc.sql("select * from purge.receipts where job_id = ?")
			.param(jobId)
			.query((rs, row) -> new Receipt(rs.getObject("job_id", UUID.class), rs.getString("root_type"),
					rs.getObject("root_id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("body"),
					rs.getString("signature"), rs.getString("algorithm"), rs.getString("key_id"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
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
		int inserted = this.jdbc.sql("""
				insert into purge.receipts (job_id, root_type, root_id, org_id, body, signature, algorithm, key_id,
				        created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (job_id) do nothing
				""")
			.params(facts.jobId(), facts.rootType(), facts.rootId(), facts.orgId(), body, this.signer.sign(body),
					ReceiptSigner.ALGORITHM, this.signer.keyId(), now.atOffset(ZoneOffset.UTC))
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
	 * Whether {@code signature} is this service's HMAC of {@code body}, compared in
	 * constant time. Any change to the body, even one byte, fails.
	 */
	public boolean verify(String body, String signature) {
		boolean valid = this.signer.verify(body, signature);
		this.metrics.receiptVerified(valid);
		return valid;
	}

	/**
	 * The id of the key that {@code signature} over {@code body} verifies with: the one
	 * named by {@code keyId} (null: any the service still accepts), compared in constant
	 * time. Empty when none does, or when the named key is unknown or retired.
	 */
	public java.util.Optional<String> verifyingKey(String body, String signature, String keyId) {
		java.util.Optional<String> key = this.signer.verifyingKey(body, signature, keyId);
		this.metrics.receiptVerified(key.isPresent());
		return key;
	}

	/** Whether receipts signed with the key of that id still verify here. */
	public boolean knowsKey(String keyId) {
		return this.signer.knows(keyId);
	}

	/** The id of the key receipts are signed with now. */
	public String keyId() {
		return this.signer.keyId();
	}

}
