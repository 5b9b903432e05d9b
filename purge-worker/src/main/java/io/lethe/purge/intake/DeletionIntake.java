package io.lethe.purge.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.PurgeRequested;
import io.lethe.events.ReconcileRequested;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.purge.job.JobRequest;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.PurgeJobs;
import io.lethe.purge.job.RequestedVia;
import io.lethe.purge.reconcile.ReconcileRequest;
import io.lethe.purge.reconcile.ReconcileRuns;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a deletion event into its effect on the purge jobs, in one transaction with the
 * record that the event was processed. Only dataset purges exist yet; asset and samples
 * deletions are recorded and wait for their purge types.
 */
@Service
class DeletionIntake {

	private static final Logger logger = LoggerFactory.getLogger(DeletionIntake.class);

	private final ProcessedEvents processed;

	private final PurgeJobs jobs;

	private final ReconcileRuns reconciliations;

	DeletionIntake(ProcessedEvents processed, PurgeJobs jobs, ReconcileRuns reconciliations) {
		this.processed = processed;
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
			return () -> this.jobs.requestDeletion(request);
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
			if (!PurgeJob.DATASET.equals(requested.getRootType())) {
				return () -> logger.info("Purge of {} {} requested; such purges are not supported yet, recorded only",
						requested.getRootType(), root);
			}
			JobRequest request = new JobRequest(PurgeJob.DATASET, root, org, Instant.now(), requested.getOccurredAt(),
					requested.getRequestedBy(), RequestedVia.OPERATOR);
			return () -> this.jobs.requestNow(request);
		}
		if (event instanceof AssetDeletionRequested asset) {
			UUID id = EventFields.uuid(event, "asset_id", asset.getAssetId());
			return () -> logger.info("Asset {} of org {} deleted; asset purges arrive later, recorded only", id, org);
		}
		if (event instanceof SamplesDeletionRequested samples) {
			UUID dataset = EventFields.uuid(event, "dataset_id", samples.getDatasetId());
			return () -> logger.info("{} samples of dataset {} deleted; samples purges arrive later, recorded only",
					samples.getSampleIds().size(), dataset);
		}
		return () -> logger.info("{} is not for the purge worker; recorded only", EventFields.type(event));
	}

}
