package io.lethe.purge.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.PurgeRequested;
import io.lethe.events.ReconcileRequested;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.purge.job.JobRequest;
import io.lethe.purge.job.JobScope;
import io.lethe.purge.job.JobsDue;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.PurgeJobs;
import io.lethe.purge.job.RequestedVia;
import io.lethe.purge.reconcile.ReconcileRequest;
import io.lethe.purge.reconcile.ReconcileRuns;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a deletion event into its effect on the purge jobs, in one transaction with the
 * record that the event was processed: a deleted dataset, a force-deleted asset or a
 * batch of deleted samples gets its purge job, a restored dataset cancels its own, and an
 * operator's request runs a job now.
 */
@Service
class DeletionIntake {

	private static final Logger logger = LoggerFactory.getLogger(DeletionIntake.class);

	private final ProcessedEvents processed;

	private final PurgeJobs jobs;

	private final ReconcileRuns reconciliations;

	private final ApplicationEventPublisher events;

	DeletionIntake(ProcessedEvents processed, PurgeJobs jobs, ReconcileRuns reconciliations,
			ApplicationEventPublisher events) {
		this.processed = processed;
		this.events = events;
		this.jobs = jobs;
		this.reconciliations = reconciliations;
	}

	/**
	 * @throws InvalidEventException when an id of the event is missing or not a UUID
	 */
	@Transactional
	public void accept(SpecificRecord event) {
		String eventId = EventFields.eventId(event);
		UUID org = EventFields.orgId(event);
		Runnable effect = effect(event, org);
		if (!this.processed.record(eventId, EventFields.type(event))) {
			logger.info("{} {} was processed before; ignored", EventFields.type(event), eventId);
			return;
		}
		effect.run();
	}

	private static ReconcileRequest reconcileRequest(ReconcileRequested event) {
		UUID run = EventFields.uuid(event, "run_id", event.getRunId());
		UUID scope = (event.getScopeOrgId() != null) ? EventFields.uuid(event, "scope_org_id", event.getScopeOrgId())
				: null;
		Duration safetyAge = null;
		if (event.getSafetyAge() != null) {
			try {
				safetyAge = Duration.parse(event.getSafetyAge());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidEventException("ReconcileRequested has a safety_age that is not an ISO-8601 "
						+ "duration: '" + event.getSafetyAge() + "'");
			}
			if (safetyAge.isNegative()) {
				throw new InvalidEventException("ReconcileRequested has a negative safety_age");
			}
		}
		return new ReconcileRequest(run, event.getDryRun(), scope, safetyAge, event.getRequestedBy(),
				event.getOccurredAt());
	}

	/** Checks the event whole before anything is written, then says what it does. */
	private Runnable effect(SpecificRecord event, UUID org) {
		if (event instanceof ReconcileRequested reconcile) {
			ReconcileRequest request = reconcileRequest(reconcile);
			return () -> this.reconciliations.request(request);
		}
		if (event instanceof DatasetDeletionRequested deleted) {
			UUID dataset = EventFields.uuid(event, "dataset_id", deleted.getDatasetId());
			JobRequest request = new JobRequest(PurgeJob.DATASET, dataset, org, deleted.getExpiresAt(),
					deleted.getOccurredAt(), deleted.getRequestedBy(), RequestedVia.EVENT);
			return () -> requestDeletion(request);
		}
		if (event instanceof DatasetRestored restored) {
			UUID dataset = EventFields.uuid(event, "dataset_id", restored.getDatasetId());
			return () -> {
				boolean cancelled = this.jobs.cancelNotBegun(PurgeJob.DATASET, dataset);
				logger.info("Dataset {} of org {} restored; {}", dataset, org,
						cancelled ? "its purge job is cancelled" : "no purge job to cancel");
			};
		}
		if (event instanceof PurgeRequested requested) {
			UUID root = EventFields.uuid(event, "root_id", requested.getRootId());
			String type = requested.getRootType();
			if (!PurgeJob.ROOT_TYPES.contains(type)) {
				return () -> logger.warn("Purge of {} {} requested; there is no such root type, ignored", type, root);
			}
			JobRequest request = new JobRequest(type, root, org, Instant.now(), requested.getOccurredAt(),
					requested.getRequestedBy(), RequestedVia.OPERATOR);
			return () -> requestNow(request);
		}
		if (event instanceof AssetDeletionRequested asset) {
			UUID id = EventFields.uuid(event, "asset_id", asset.getAssetId());
			// An asset has no grace period: its deletion is final when the command
			// returns.
			JobRequest request = new JobRequest(PurgeJob.ASSET, id, org, asset.getOccurredAt(), asset.getOccurredAt(),
					asset.getRequestedBy(), RequestedVia.EVENT, JobScope.asset(asset.getCascade()));
			return () -> requestDeletion(request);
		}
		if (event instanceof SamplesDeletionRequested samples) {
			JobRequest request = samplesRequest(samples, org);
			return () -> requestDeletion(request);
		}
		return () -> logger.info("{} is not for the purge worker; recorded only", EventFields.type(event));
	}

	/**
	 * A batch has no id of its own but the event that announced it, so the event id is
	 * the root id of its job: each batch is purged, and receipted, on its own (several
	 * batches of one dataset never share a job), and a replay of the event maps to the
	 * same job.
	 */
	private static JobRequest samplesRequest(SamplesDeletionRequested samples, UUID org) {
		UUID batch = UUID.fromString(EventFields.eventId(samples));
		UUID dataset = EventFields.uuid(samples, "dataset_id", samples.getDatasetId());
		if (samples.getSampleIds().isEmpty()) {
			throw new InvalidEventException("SamplesDeletionRequested " + batch + " names no samples");
		}
		List<UUID> items = samples.getSampleIds()
			.stream()
			.map((id) -> EventFields.uuid(samples, "sample_ids", id))
			.distinct()
			.toList();
		// Only the sources the command service deleted are named; without delete_source
		// there are none to purge.
		List<UUID> sources = !samples.getDeleteSource() ? List.of()
				: samples.getSourceAssetIds()
					.stream()
					.map((id) -> EventFields.uuid(samples, "source_asset_ids", id))
					.distinct()
					.toList();
		return new JobRequest(PurgeJob.SAMPLES, batch, org, samples.getOccurredAt(), samples.getOccurredAt(),
				samples.getRequestedBy(), RequestedVia.EVENT, JobScope.samples(dataset, items, sources));
	}

	/**
	 * A samples job exists only from its event, which named what it purges; asked for one
	 * it never had, there is nothing to purge.
	 */
	private void requestNow(JobRequest request) {
		if (PurgeJob.SAMPLES.equals(request.rootType())
				&& this.jobs.findByRoot(request.rootType(), request.rootId()).isEmpty()) {
			logger.warn("Purge of samples batch {} requested, but no such batch was deleted; ignored",
					request.rootId());
			return;
		}
		this.jobs.requestNow(request);
		this.events.publishEvent(new JobsDue(request.rootType()));
	}

	/**
	 * A job due at once is started when this transaction commits, not at the runner's
	 * next tick.
	 */
	private void requestDeletion(JobRequest request) {
		this.jobs.requestDeletion(request);
		if (!request.runAt().isAfter(Instant.now())) {
			this.events.publishEvent(new JobsDue(request.rootType()));
		}
	}

}
