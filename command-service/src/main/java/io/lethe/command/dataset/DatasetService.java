package io.lethe.command.dataset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lethe.problems.ConflictException;
import io.lethe.problems.ForbiddenException;
import io.lethe.problems.NotFoundException;
import io.lethe.command.auth.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Dataset commands and queries, each in one catalog transaction. */
@Service
public class DatasetService {

	private final Datasets datasets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DatasetService(Datasets datasets, ApplicationEventPublisher events, Clock clock) {
		this.datasets = datasets;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a dataset. Choosing its id is an operator's privilege (a migration keeps
	 * known ids); a member key that sends one is refused, and a taken id is refused the
	 * same way whichever org holds it, so that the answer never confirms another org's
	 * dataset.
	 * <p>
	 * No transaction: the one {@code INSERT} is atomic by itself, and the constraints it
	 * meets (the primary key, one live name per org) are what decide a race, so a
	 * {@code BEGIN} and {@code COMMIT} around it would only add a round trip to every
	 * create.
	 */
	public Dataset create(Caller caller, NewDataset request) {
		if (request.requestedId() != null && !caller.isOperator()) {
			throw new ForbiddenException("operator-key-required", "Only an operator key may choose a dataset_id.");
		}
		UUID id = (request.requestedId() != null) ? request.requestedId() : UUID.randomUUID();
		if (request.requestedId() != null && this.datasets.exists(id)) {
			throw DatasetConflicts.idTaken();
		}
		Instant now = now();
		Dataset dataset = new Dataset(id, caller.orgId(), request.name(), request.description(), request.encoderName(),
				request.allowedAssetTypes(), request.keyframeSamplingMethod(), request.keyframeUniformFpsSamplingRate(),
				request.storeOriginal(), request.storePreview(), request.metadataFieldsToIndex(),
				request.metadataFieldsToEmbed(), request.datasetConfig(), DatasetStatus.ACTIVE, now, caller.principal(),
				now, caller.principal(), null, null, null);
		try {
			this.datasets.insert(dataset);
		}
		catch (DuplicateKeyException ex) {
			// a concurrent create took the chosen id between the check and the insert
			if (request.requestedId() != null && String.valueOf(ex.getMessage()).contains("datasets_pkey")) {
				throw DatasetConflicts.idTaken();
			}
			throw DatasetConflicts.nameTaken(request.name());
		}
		return dataset;
	}

	@Transactional(readOnly = true)
	public Dataset get(Caller caller, UUID id) {
		return this.datasets.find(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Dataset " + id));
	}

	@Transactional(readOnly = true)
	public DatasetPage list(Caller caller, Collection<DatasetStatus> statuses, int limit, long offset) {
		return new DatasetPage(this.datasets.page(caller.orgId(), statuses, limit, offset), limit, offset,
				this.datasets.count(caller.orgId(), statuses));
	}

	@Transactional
	public Dataset update(Caller caller, UUID id, DatasetChanges changes) {
		Dataset current = lockActive(caller, id, "changed");
		Dataset changed = current.changed(changes, caller.principal(), now());
		try {
			this.datasets.update(changed);
		}
		catch (DuplicateKeyException ex) {
			throw DatasetConflicts.nameTaken(changed.name());
		}
		return changed;
	}

	/**
	 * Soft-deletes the dataset: it leaves lists at once and may be purged from
	 * {@code now + grace}. Deleting a dataset that is already deleted changes nothing and
	 * returns its current state.
	 */
	@Transactional
	public Dataset delete(Caller caller, UUID id, Duration grace) {
		Instant now = now();
		Dataset deleted = this.datasets.softDeleteIfActive(caller.orgId(), id, caller.principal(), now, now.plus(grace))
			.orElse(null);
		if (deleted == null) {
			// Not active as the statement's snapshot saw it, and a row that does not
			// match is not waited for: a restore may be committing this moment. Under
			// the row's lock the state is the committed one, and a dataset restored
			// meanwhile is deleted after all; a delete never answers with an active
			// dataset.
			Dataset current = this.datasets.lock(caller.orgId(), id)
				.orElseThrow(() -> new NotFoundException("Dataset " + id));
			if (!current.isActive()) {
				return current;
			}
			deleted = this.datasets.softDeleteIfActive(caller.orgId(), id, caller.principal(), now, now.plus(grace))
				.orElseThrow();
		}
		this.events.publishEvent(new DatasetSoftDeleted(deleted, grace));
		return deleted;
	}

	/**
	 * Expires the dataset now (Subworkflow's delete means "set an immediate expiry"): an
	 * active dataset is deleted with no grace period; one deleted earlier whose grace
	 * period has not ended becomes due at once, and its deletion is requested again with
	 * the new expiry, so that a purge scheduled for the old one runs now. A dataset
	 * already due, purging or purged is returned as it is.
	 */
	@Transactional
	public Dataset expire(Caller caller, UUID id) {
		Dataset current = this.datasets.lock(caller.orgId(), id)
			.orElseThrow(() -> new NotFoundException("Dataset " + id));
		if (current.isActive()) {
			return delete(caller, id, Duration.ZERO);
		}
		Instant now = now();
		if (current.status() != DatasetStatus.PENDING_DELETION || current.expiresAt() == null
				|| !current.expiresAt().isAfter(now)) {
			return current;
		}
		this.datasets.expireNow(id, now);
		Dataset expired = this.datasets.lock(caller.orgId(), id).orElseThrow();
		this.events.publishEvent(new DatasetSoftDeleted(expired, Duration.ZERO));
		return expired;
	}

	/**
	 * The dataset the caller writes into, which must be {@code active}; a concurrent
	 * delete waits until the calling transaction ends, so nothing is added to a dataset
	 * that is being deleted.
	 * @throws NotFoundException for an unknown or another org's dataset
	 * @throws ConflictException when the dataset is not active
	 */
	@Transactional
	public Dataset requireActive(Caller caller, UUID id) {
		Dataset dataset = this.datasets.lockShared(caller.orgId(), id)
			.orElseThrow(() -> new NotFoundException("Dataset " + id));
		if (!dataset.isActive()) {
			throw DatasetConflicts.notActive(dataset);
		}
		return dataset;
	}

	/**
	 * The dataset the caller deletes samples of: {@code active} and not under legal hold,
	 * which protects everything the dataset holds.
	 * @throws ConflictException when the dataset is not active or is held
	 */
	@Transactional
	public Dataset requireActiveUnheld(Caller caller, UUID id) {
		Dataset dataset = requireActive(caller, id);
		this.datasets.legalHold(id).ifPresent((hold) -> {
			throw LegalHolds.conflict(List.of(id), hold.reason());
		});
		return dataset;
	}

	/**
	 * The owner dataset of an asset that is about to be placed in another dataset: it
	 * must be {@code active}, under a shared lock held until the caller's transaction
	 * ends, so that its purge cannot decide which of its assets are shared while a new
	 * reference commits.
	 * @throws ConflictException when the owner dataset is not active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requireActiveOwner(Caller caller, UUID owner, UUID assetId) {
		Dataset dataset = this.datasets.lockShared(caller.orgId(), owner).orElse(null);
		if (dataset == null || !dataset.isActive()) {
			String status = (dataset != null) ? dataset.status().value() : "purged";
			throw DatasetConflicts.ownerNotActive(owner, status, assetId);
		}
	}

	/**
	 * The dataset with its legal hold, locked (shared) until the caller's transaction
	 * ends: it cannot be deleted, restored, fenced, held or released meanwhile.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Locked> lockShared(Caller caller, UUID id) {
		return this.datasets.lockShared(caller.orgId(), id)
			.map((dataset) -> new Locked(dataset, this.datasets.legalHold(id).orElse(null)));
	}

	/** A dataset read under a shared lock, and its legal hold or null. */
	public record Locked(Dataset dataset, LegalHold hold) {
	}

	/**
	 * The dataset the caller reads the content of (items, search), which must be
	 * {@code active}: a deleted dataset's content is hidden from the moment the delete
	 * returns.
	 */
	@Transactional(readOnly = true)
	public Dataset requireVisible(Caller caller, UUID id) {
		Dataset dataset = get(caller, id);
		if (!dataset.isActive()) {
			throw DatasetConflicts.notActive(dataset);
		}
		return dataset;
	}

	/**
	 * Brings a dataset pending deletion back, whole, while its purge has not begun.
	 * Restoring an active dataset changes nothing.
	 * @throws ConflictException once the purge has begun, or when a live dataset took the
	 * name meanwhile
	 */
	@Transactional
	public Dataset restore(Caller caller, UUID id) {
		Dataset current = this.datasets.lock(caller.orgId(), id)
			.orElseThrow(() -> new NotFoundException("Dataset " + id));
		if (current.isActive()) {
			return current;
		}
		if (current.status() != DatasetStatus.PENDING_DELETION) {
			throw DatasetConflicts.purgeStarted(current);
		}
		Instant now = now();
		Dataset restored = current.restored(caller.principal(), now);
		try {
			this.datasets.update(restored);
		}
		catch (DuplicateKeyException ex) {
			throw DatasetConflicts.nameTakenOnRestore(current.name());
		}
		this.events.publishEvent(new DatasetRestored(restored, caller.principal(), now));
		return restored;
	}

	/**
	 * An operator's "purge now": the dataset, which must be deleted and not held, becomes
	 * due at once.
	 * @throws ConflictException when the dataset is active, under legal hold, or already
	 * purged
	 */
	@Transactional
	public Dataset expireNow(UUID id) {
		Dataset dataset = this.datasets.lockAnyOrg(id).orElseThrow(() -> new NotFoundException("Dataset " + id));
		if (dataset.isActive()) {
			throw new ConflictException("dataset-not-deleted",
					"Dataset " + id + " is active; delete it before purging it.", Map.of("dataset_status", "active"));
		}
		if (dataset.status() == DatasetStatus.PURGED) {
			throw new ConflictException("already-purged", "Dataset " + id + " is already purged.",
					Map.of("dataset_status", "purged"));
		}
		this.datasets.legalHold(id).ifPresent((hold) -> {
			throw LegalHolds.conflict(List.of(id), hold.reason());
		});
		this.datasets.expireNow(id, now());
		return this.datasets.lockAnyOrg(id).orElseThrow();
	}

	private Dataset lockActive(Caller caller, UUID id, String verb) {
		Dataset current = this.datasets.lock(caller.orgId(), id)
			.orElseThrow(() -> new NotFoundException("Dataset " + id));
		if (!current.isActive()) {
			throw DatasetConflicts.notActive(current, verb);
		}
		return current;
	}

	/**
	 * Catalog times have microsecond precision; truncating here keeps responses equal to
	 * later reads.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
