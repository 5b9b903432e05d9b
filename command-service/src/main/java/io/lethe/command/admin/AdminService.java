package io.lethe.command.admin;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.problems.ConflictException;
import io.lethe.problems.NotFoundException;
import io.lethe.command.audit.AuditLog;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.LegalHolds;
import io.lethe.command.deletion.PurgeJobView;
import io.lethe.command.deletion.PurgeRecords;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators do. Commands for the purge worker travel as {@code PurgeRequested}
 * events through the same outbox as every deletion; every action, done or refused, leaves
 * an audit record.
 */
@Service
public class AdminService {

	/** The root id of a "run due purges now" request, which names no root. */
	static final UUID SWEEP = new UUID(0, 0);

	private final DatasetService datasets;

	private final LegalHolds holds;

	private final PurgeRecords purges;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final DltReplayer dlt;

	private final Clock clock;

	AdminService(DatasetService datasets, LegalHolds holds, PurgeRecords purges, ApplicationEventPublisher events,
			AuditLog audit, DltReplayer dlt, Clock clock) {
		this.datasets = datasets;
		this.holds = holds;
		this.purges = purges;
		this.events = events;
		this.audit = audit;
		this.dlt = dlt;
		this.clock = clock;
	}

	@Transactional
	public UUID runDue(Caller caller) {
		UUID event = request(caller, caller.orgId(), "sweep", SWEEP, null);
		this.audit.succeeded(caller, "purges.run-due", "sweep", null, Map.of("event_id", event));
		return event;
	}

	@Transactional
	public UUID purgeNow(Caller caller, UUID datasetId, String reason) {
		Dataset dataset = guarded(caller, "dataset.purge-now", datasetId, () -> this.datasets.expireNow(datasetId));
		UUID event = request(caller, dataset.orgId(), "dataset", datasetId, reason);
		this.audit.succeeded(caller, "dataset.purge-now", "dataset", datasetId,
				Map.of("event_id", event, "reason", String.valueOf(reason)));
		return event;
	}

	@Transactional
	public UUID retry(Caller caller, UUID jobId) {
		PurgeJobView job = guarded(caller, "purge.retry", jobId, () -> {
			PurgeJobView found = this.purges.job(jobId).orElseThrow(() -> new NotFoundException("Purge job " + jobId));
			if (!"failed".equals(found.state())) {
				throw new ConflictException("job-not-failed",
						"Purge job " + jobId + " is " + found.state() + "; only failed jobs are retried.",
						Map.of("state", found.state()));
			}
			return found;
		});
		UUID event = request(caller, job.orgId(), job.rootType(), job.rootId(), "retry");
		this.audit.succeeded(caller, "purge.retry", job.rootType(), job.rootId(),
				Map.of("event_id", event, "job_id", jobId));
		return event;
	}

	@Transactional
	public Dataset placeHold(Caller caller, UUID datasetId, String reason) {
		Dataset dataset = guarded(caller, "legal-hold.place", datasetId,
				() -> this.holds.place(datasetId, reason, caller.principal()));
		this.audit.succeeded(caller, "legal-hold.place", "dataset", datasetId, Map.of("reason", reason));
		return dataset;
	}

	@Transactional
	public LegalHolds.Released releaseHold(Caller caller, UUID datasetId, String reason) {
		LegalHolds.Released released = guarded(caller, "legal-hold.release", datasetId,
				() -> this.holds.release(datasetId));
		if (released.due()) {
			request(caller, released.dataset().orgId(), "dataset", datasetId, "hold-released");
		}
		this.audit.succeeded(caller, "legal-hold.release", "dataset", datasetId, Map.of("reason",
				String.valueOf(reason), "held_for", released.hold().reason(), "purge_requested", released.due()));
		return released;
	}

	@Transactional
	public List<DltReplayer.DeadLetter> replayDeadLetters(Caller caller, boolean dryRun, int limit) {
		List<DltReplayer.DeadLetter> letters = this.dlt.replay(dryRun, limit);
		this.audit.succeeded(caller, dryRun ? "dlt.replay.dry-run" : "dlt.replay", "topic", null,
				Map.of("records", letters.size()));
		return letters;
	}

	private UUID request(Caller caller, UUID org, String rootType, UUID rootId, String reason) {
		UUID eventId = UUID.randomUUID();
		this.events.publishEvent(
				new PurgeAsked(eventId, org, rootType, rootId, caller.principal(), reason, this.clock.instant()));
		return eventId;
	}

	/**
	 * Runs a check; if it refuses, the refusal is audited (in a transaction of its own)
	 * before it is answered.
	 */
	private <T> T guarded(Caller caller, String action, UUID target, java.util.function.Supplier<T> check) {
		try {
			return check.get();
		}
		catch (ConflictException | NotFoundException ex) {
			this.audit.refused(caller, action, "dataset", target, ex.getMessage());
			throw ex;
		}
	}

}
