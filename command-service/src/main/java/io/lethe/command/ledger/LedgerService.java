package io.lethe.command.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.deletion.CompletionReceipt;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.PurgeRecords;
import io.lethe.command.receipt.CompletionReceipts;
import io.lethe.problems.ConflictException;
import io.lethe.problems.ForbiddenException;
import io.lethe.problems.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records acknowledgements and closes deletions. An ack locks its deletion's row first,
 * and so does every other path that may close one, so two last answers arriving together
 * cannot each miss the other: whichever commits second sees both and closes it, once.
 */
@Service
public class LedgerService implements DownstreamLedger {

	private static final Logger logger = LoggerFactory.getLogger(LedgerService.class);

	private final DeletionLedger ledger;

	private final LedgerReads reads;

	private final DownstreamConsumers consumers;

	private final LedgerMetrics metrics;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CompletionReceipts receipts;

	private final PurgeRecords purges;

	LedgerService(DeletionLedger ledger, LedgerReads reads, DownstreamConsumers consumers, LedgerMetrics metrics,
			ApplicationEventPublisher events, Clock clock, CompletionReceipts receipts, PurgeRecords purges) {
		this.receipts = receipts;
		this.purges = purges;
		this.ledger = ledger;
		this.reads = reads;
		this.consumers = consumers;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * An acknowledgement as received.
	 *
	 * @param deletionEventId the deletion it answers; null for the root's latest
	 * @param via {@code rest} or {@code kafka}
	 */
	public record Ack(String rootType, UUID rootId, UUID deletionEventId, String outcome, String detail,
			Long itemsDeleted, String via, String eventId) {
	}

	/**
	 * The answer recorded for the consumer; {@code duplicate} when it was there already.
	 */
	public record Recorded(String consumer, UUID deletionEventId, String rootType, UUID rootId, String outcome,
			String detail, Long itemsDeleted, Instant ackedAt, boolean duplicate) {
	}

	/** An ack of the consumer with this id (a consumer key's). */
	@Transactional
	public Recorded acknowledge(UUID consumerId, Ack ack) {
		DownstreamConsumer consumer = this.consumers.find(consumerId)
			.orElseThrow(() -> refused(ack, "unregistered-consumer",
					new ForbiddenException("unregistered-consumer", "No consumer is registered for this key.")));
		return acknowledge(consumer, ack);
	}

	/** An ack naming its consumer (from {@code lethe.deletion-acks}). */
	@Transactional
	public Recorded acknowledge(String consumerName, Ack ack) {
		DownstreamConsumer consumer = this.consumers.findByName(consumerName)
			.orElseThrow(() -> refused(ack, "unregistered-consumer", new ForbiddenException("unregistered-consumer",
					"No consumer named " + consumerName + " is registered.")));
		return acknowledge(consumer, ack);
	}

	private Recorded acknowledge(DownstreamConsumer consumer, Ack ack) {
		if (consumer.retired()) {
			throw refused(ack, "consumer-retired", new ForbiddenException("consumer-retired",
					"Consumer " + consumer.name() + " is retired; its acknowledgements are not needed."));
		}
		if (!consumer.rootTypes().contains(ack.rootType())) {
			throw refused(ack, "root-type-not-registered", new ConflictException("root-type-not-registered",
					"Consumer " + consumer.name() + " is not registered for " + ack.rootType() + " deletions."));
		}
		LedgerRow row = this.ledger.lock(ack.rootType(), ack.rootId(), ack.deletionEventId())
			.orElseThrow(() -> refused(ack, "unknown-deletion",
					new NotFoundException("Deletion of " + ack.rootType() + " " + ack.rootId())));
		if (row.cancelledAt() != null) {
			throw refused(ack, "deletion-cancelled", new ConflictException("deletion-cancelled",
					"This deletion was cancelled (the dataset was restored); keep or show the data again."));
		}
		if (row.purgeStartedAt() == null) {
			throw refused(ack, "purge-not-begun",
					new ConflictException("purge-not-begun",
							"The purge has not begun, so the deletion can still be undone: hide the data, and erase it "
									+ "once PurgeStarted arrives."));
		}
		Optional<StoredAck> existing = this.ledger.ack(row.deletionId(), consumer.id());
		if (existing.isPresent() && (existing.get().answered() || "failed".equals(ack.outcome()))) {
			// once erased, nothing held stays so: a later answer cannot reopen it
			this.metrics.duplicate(ack.via());
			return recorded(consumer, row, existing.get(), true);
		}
		Instant now = this.clock.instant();
		StoredAck stored = new StoredAck(row.deletionId(), consumer.id(), ack.outcome(), ack.detail(),
				ack.itemsDeleted(), ack.via(), existing.map(StoredAck::firstAckedAt).orElse(now), now);
		this.ledger.record(stored, ack.eventId());
		this.metrics.recorded(ack.via(), ack.outcome());
		closeIfDone(row);
		return recorded(consumer, row, stored, false);
	}

	/**
	 * Closes every open deletion whose purge is done and whose required consumers have
	 * all answered, as after a consumer was retired or made optional.
	 */
	@Transactional
	public void closeWhatIsDone() {
		this.ledger.lockPurgedOpen().forEach(this::closeIfDone);
	}

	/**
	 * A restore of the root cancels its deletion, and is refused once the ledger knows
	 * its purge began (consumers were asked to erase) or the deletion closed: under the
	 * row's lock, so that an ack and a restore take turns and a deletion is never both
	 * closed and restored.
	 */
	@Transactional
	public void cancel(String rootType, UUID rootId) {
		Optional<LedgerRow> row = this.ledger.lock(rootType, rootId, null).filter((r) -> r.cancelledAt() == null);
		if (row.isEmpty()) {
			return;
		}
		if (row.get().purgeStartedAt() != null || row.get().completedAt() != null
				|| !this.ledger.cancel(row.get().deletionId())) {
			throw new ConflictException("purge-started", "The purge of " + rootType + " " + rootId
					+ " has begun (downstream consumers were asked to erase): it can no longer be restored.");
		}
	}

	/** The purge of a root began or ended (from the worker's snapshot of its job). */
	@Transactional
	void purgeReported(UUID jobId, String rootType, UUID rootId, Instant startedAt, boolean done) {
		if (startedAt != null || done) {
			Instant began = (startedAt != null) ? startedAt : this.clock.instant();
			this.ledger.markStarted(rootType, rootId, jobId, began)
				.ifPresent((row) -> this.events.publishEvent(new PurgeBegan(UUID.randomUUID(), row.orgId(),
						row.rootType(), row.rootId(), row.deletionId(), jobId, began)));
		}
		if (done) {
			this.ledger.markPurged(rootType, rootId)
				.flatMap((row) -> this.ledger.lock(rootType, rootId, row.deletionId()))
				.ifPresent(this::closeIfDone);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<Downstream> downstream(String rootType, UUID rootId) {
		return this.ledger.latest(rootType, rootId)
			.filter((row) -> row.cancelledAt() == null)
			.map((row) -> this.reads.downstream(row, this.clock.instant()))
			.orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Summary> summaries(Collection<Root> roots) {
		return this.reads.summaries(roots);
	}

	@Transactional(readOnly = true)
	public PageResponse<OverdueAck> overdue(Paging paging) {
		return paging.page(this.reads.overdue(paging.limit(), paging.offset()), this.reads.listedCount());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CompletionReceipt> completionReceipt(String rootType, UUID rootId) {
		return this.ledger.completionReceipt(rootType, rootId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Tracked> tracked(String rootType, UUID rootId) {
		return this.ledger.latest(rootType, rootId)
			.map((row) -> new Tracked(row.deletionId(), row.orgId(), row.requestedAt(), row.jobId(), row.cancelledAt(),
					row.completedAt()));
	}

	/**
	 * Closes the deletion once its purge is done and every required consumer answered:
	 * the guarded update, the completion receipt (one per deletion, its primary key) and
	 * {@code DeletionCompleted} commit together, or not at all.
	 */
	private void closeIfDone(LedgerRow row) {
		if (row.purgeCompletedAt() == null || !this.ledger.everyRequiredAnswered(row)) {
			return;
		}
		UUID eventId = UUID.randomUUID();
		if (this.ledger.close(row.deletionId(), eventId)) {
			logger.info("Deletion {} of {} {} is complete downstream", row.deletionId(), row.rootType(), row.rootId());
			List<DeletionClosed.Answer> answers = this.reads.answers(row.deletionId());
			CompletionReceipts.Signed receipt = this.receipts.sign(new CompletionReceipts.Facts(row.deletionId(),
					row.orgId(), row.rootType(), row.rootId(), row.jobId(), storeReceipt(row.jobId()),
					answers.stream()
						.map((a) -> new CompletionReceipts.Ack(a.consumer(), a.required(), a.outcome(), a.ackedAt(),
								a.itemsDeleted()))
						.toList()));
			this.ledger.saveCompletionReceipt(row.deletionId(), receipt.body(), receipt.jws(), receipt.keyId(),
					receipt.issuedAt());
			this.events.publishEvent(new DeletionClosed(eventId, row.orgId(), row.rootType(), row.rootId(),
					row.deletionId(), row.jobId(), receipt.issuedAt(), answers, receipt.jws()));
		}
	}

	/**
	 * The store receipt the completion follows: the purge job's, which closing waited
	 * for.
	 */
	private CompletionReceipts.StoreReceipt storeReceipt(UUID jobId) {
		return (jobId == null) ? null
				: this.purges.receipt(jobId)
					.map((r) -> CompletionReceipts.StoreReceipt.of(jobId, r.algorithm(), r.keyId(), r.jws(), r.body()))
					.orElse(null);
	}

	private RuntimeException refused(Ack ack, String reason, RuntimeException answer) {
		this.metrics.refused(ack.via(), reason);
		return answer;
	}

	private static Recorded recorded(DownstreamConsumer consumer, LedgerRow row, StoredAck ack, boolean duplicate) {
		return new Recorded(consumer.name(), row.deletionId(), row.rootType(), row.rootId(), ack.outcome(),
				ack.detail(), ack.itemsDeleted(), ack.ackedAt(), duplicate);
	}

}
