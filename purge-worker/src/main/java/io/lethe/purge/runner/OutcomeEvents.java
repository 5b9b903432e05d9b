package io.lethe.purge.runner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lethe.events.PurgeCompleted;
import io.lethe.events.PurgeFailed;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.RunningJobs;
import io.lethe.purge.receipt.Receipt;
import io.lethe.purge.receipt.Receipts;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@code PurgeCompleted} and {@code PurgeFailed} for ended jobs to
 * {@code lethe.purge-events}, keyed by the root id. A job records that its event went out
 * only after Kafka acknowledged it, so a worker that dies in between publishes it on its
 * next run, with the same event id.
 */
@Component
class OutcomeEvents {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeEvents.class);

	private static final int BATCH = 50;

	private final KafkaTemplate<String, Object> kafka;

	private final RunningJobs jobs;

	private final Receipts receipts;

	private final TransactionTemplate transactions;

	OutcomeEvents(KafkaTemplate<String, Object> kafka, RunningJobs jobs, Receipts receipts,
			TransactionTemplate transactions) {
		this.kafka = kafka;
		this.jobs = jobs;
		this.receipts = receipts;
		this.transactions = transactions;
	}

	/**
	 * @return how many outcome events went out
	 */
	int publishPending() {
		Integer published = this.transactions.execute((status) -> {
			int count = 0;
			List<PurgeJob> ended = this.jobs.lockUnpublishedOutcomes(BATCH);
			for (PurgeJob job : ended) {
				Optional<SpecificRecord> event = event(job);
				if (event.isEmpty()) {
					continue;
				}
				send(job, event.get());
				this.jobs.markOutcomePublished(job.id(), job.outcomeEventId());
				count++;
			}
			return count;
		});
		return (published != null) ? published : 0;
	}

	private Optional<SpecificRecord> event(PurgeJob job) {
		Instant at = (job.completedAt() != null) ? job.completedAt() : Instant.now();
		if (job.state() == JobState.FAILED) {
			return Optional.of(PurgeFailed.newBuilder()
				.setEventId(job.outcomeEventId().toString())
				.setOrgId(job.orgId().toString())
				.setOccurredAt(Instant.now())
				.setRootType(job.rootType())
				.setRootId(job.rootId().toString())
				.setJobId(job.id().toString())
				.setAttempts(job.attempts())
				.setError(String.valueOf(job.lastError()))
				.build());
		}
		Optional<Receipt> receipt = this.receipts.findByJob(job.id());
		if (receipt.isEmpty()) {
			logger.error("Purge job {} for {} {} completed without a receipt; no PurgeCompleted is published", job.id(),
					job.rootType(), job.rootId());
			return Optional.empty();
		}
		return Optional.of(PurgeCompleted.newBuilder()
			.setEventId(job.outcomeEventId().toString())
			.setOrgId(job.orgId().toString())
			.setOccurredAt(at)
			.setRootType(job.rootType())
			.setRootId(job.rootId().toString())
			.setJobId(job.id().toString())
			.setVectorsDeleted(job.vectorsDeleted())
			.setObjectsDeleted(job.objectsDeleted())
			.setRowsDeleted(job.rowsDeleted())
			.setReceipt(receipt.get().body())
			.setSignature(receipt.get().signature())
			.setReceiptJws(receipt.get().jws())
			.build());
	}

	private void send(PurgeJob job, SpecificRecord event) {
		try {
			this.kafka.send(Topics.PURGE_EVENTS, job.rootId().toString(), event).get(30, TimeUnit.SECONDS);
			logger.info("{} published for purge job {} of {} {}", event.getClass().getSimpleName(), job.id(),
					job.rootType(), job.rootId());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the outcome of job " + job.id(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish the outcome of job " + job.id(), ex);
		}
	}

}
