package io.lethe.purge.engine;

import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.receipt.PurgeFacts;
import io.lethe.purge.receipt.Receipt;
import io.lethe.purge.receipt.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Signs the receipt from the job's counts and what verification found. Issued once per
 * job: a resumed job finds its receipt and goes on. Public for the plans, which live in
 * their root types' packages.
 */
@Component
public class IssueReceipt implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(IssueReceipt.class);

	private final Receipts receipts;

	IssueReceipt(Receipts receipts) {
		this.receipts = receipts;
	}

	@Override
	public String name() {
		return "receipt";
	}

	@Override
	public StepResult run(PurgeRun run) {
		PurgeJob job = run.job();
		if (job.verification() == null) {
			return new StepResult.JumpTo("verify");
		}
		PurgeFacts.Verification verification = RootVerification.JSON.readValue(job.verification(),
				PurgeFacts.Verification.class);
		Receipt receipt = this.receipts.issue(new PurgeFacts(job.id(), job.rootType(), job.rootId(), job.orgId(),
				job.requestedBy(), job.requestedAt(), job.startedAt(),
				new PurgeFacts.Counts(job.vectorsDeleted(), job.objectsDeleted(), job.rowsDeleted()), verification));
		logger.info("Purge job {} for {} {}: receipt signed ({})", job.id(), job.rootType(), job.rootId(),
				receipt.signature());
		return StepResult.NEXT;
	}

}
