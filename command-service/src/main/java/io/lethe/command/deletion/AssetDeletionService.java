package io.lethe.command.deletion;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lethe.problems.ConflictException;
import io.lethe.problems.NotFoundException;
import io.lethe.command.asset.Asset;
import io.lethe.command.asset.AssetDeletions;
import io.lethe.command.asset.AssetService;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.LegalHolds;
import io.lethe.command.entity.EntityService;
import io.lethe.command.item.AssetReference;
import io.lethe.command.item.Item;
import io.lethe.command.item.ItemDeletions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an asset, as TwelveLabs defines it: refused (409, with the references) while
 * items of a live or restorable dataset reference it, unless forced; forced, it goes
 * anyway, its entity associations are unlinked and the referencing items are flagged
 * {@code source_deleted} (or, with {@code cascade}, the items of live datasets are
 * deleted too). A legal hold on a dataset that owns or references the asset refuses the
 * deletion whatever is forced, and an asset owned by a dataset that is being deleted
 * waits for that dataset's purge or restore. The purge worker then removes its binary,
 * every version.
 * <p>
 * Every rule is read under locks held until the deletion commits, taken in one order
 * (datasets before assets, as every catalog write takes them): the owner dataset
 * (shared), the asset (exclusive), then the datasets of the referencing items (shared).
 */
@Service
public class AssetDeletionService implements AssetDeletions {

	private final AssetService assets;

	private final ItemDeletions items;

	private final DatasetService datasets;

	private final EntityService entities;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AssetDeletionService(AssetService assets, ItemDeletions items, DatasetService datasets, EntityService entities,
			ApplicationEventPublisher events, Clock clock) {
		this.assets = assets;
		this.items = items;
		this.datasets = datasets;
		this.entities = entities;
		this.events = events;
		this.clock = clock;
	}

	/** What a deletion did. */
	public record AssetDeletion(UUID assetId, List<Item> referencingItems, int entitiesUnlinked, boolean cascade) {
	}

	@Override
	@Transactional
	public DeletedAsset deleteAsset(Caller caller, UUID assetId, boolean force, boolean cascade) {
		AssetDeletion deletion = delete(caller, assetId, force, cascade);
		return new DeletedAsset(deletion.assetId(),
				deletion.referencingItems()
					.stream()
					.map((item) -> new AssetDeletions.Reference(item.datasetId(), item.id(), item.status()))
					.toList(),
				deletion.entitiesUnlinked(), deletion.cascade());
	}

	@Transactional
	public AssetDeletion delete(Caller caller, UUID assetId, boolean force, boolean cascade) {
		Lock lock = lock(caller, assetId).orElseThrow(() -> new NotFoundException("Asset " + assetId));
		if (lock.refusal() != null) {
			throw lock.refusal();
		}
		List<AssetReference> blocking = lock.needed(Set.of());
		if (!force && !blocking.isEmpty()) {
			throw new ConflictException("asset-referenced",
					"Asset " + assetId + " is referenced by " + blocking.size()
							+ " indexed asset(s); delete them first or pass force=true.",
					Map.of("references",
							blocking.stream()
								.map((ref) -> Map.of("dataset_id", ref.datasetId(), "item_id", ref.itemId(),
										"dataset_status", ref.datasetStatus()))
								.toList()));
		}
		AssetDeletion deletion = settle(caller, assetId, cascade);
		UUID eventId = UUID.randomUUID();
		this.events.publishEvent(new AssetDeleted(eventId, caller.orgId(), assetId, caller.principal(), force, cascade,
				this.clock.instant()));
		return deletion;
	}

	/**
	 * An asset locked for deletion: the active items that reference it (their datasets
	 * locked, shared) and, when a rule that no flag overrides refuses the deletion (a
	 * legal hold on a dataset that owns or references it, an owner dataset that is not
	 * active), the answer.
	 */
	record Lock(List<AssetReference> references, ConflictException refusal) {

		/** The references of live or restorable datasets, but for the given items. */
		List<AssetReference> needed(Set<UUID> except) {
			return this.references.stream().filter((ref) -> ref.needed() && !except.contains(ref.itemId())).toList();
		}

	}

	/**
	 * Locks the asset for deletion and reads what decides it. Refusals are returned, not
	 * thrown, so that a batch can refuse one source and go on.
	 * @return empty when there is no live asset of the caller's org with that id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Lock> lock(Caller caller, UUID assetId) {
		UUID owner = this.assets.find(caller, assetId).map(Asset::ownerDatasetId).orElse(null);
		DatasetService.Locked ownerDataset = (owner != null) ? this.datasets.lockShared(caller, owner).orElse(null)
				: null;
		Optional<Asset> asset = this.assets.lockForDeletion(caller, assetId);
		if (asset.isEmpty()) {
			return Optional.empty();
		}
		if (ownerDataset != null && !ownerDataset.dataset().id().equals(asset.get().ownerDatasetId())) {
			// its owner's purge released it (a live item elsewhere uses it) while we
			// waited
			ownerDataset = null;
		}
		List<AssetReference> references = this.items.lockReferences(caller, assetId);
		Set<UUID> held = new LinkedHashSet<>();
		if (ownerDataset != null && ownerDataset.hold() != null) {
			held.add(owner);
		}
		references.stream().filter(AssetReference::datasetHeld).map(AssetReference::datasetId).forEach(held::add);
		if (!held.isEmpty()) {
			return Optional.of(new Lock(references, LegalHolds.conflict(List.copyOf(held), null)));
		}
		if (ownerDataset != null && !ownerDataset.dataset().isActive()) {
			String status = ownerDataset.dataset().status().value();
			return Optional.of(new Lock(references,
					new ConflictException("owner-dataset-not-active",
							"Asset " + assetId + " belongs to dataset " + owner + ", which is " + status
									+ "; its purge (or its restore) decides what happens to the asset.",
							Map.of("owner_dataset_id", owner, "dataset_status", status))));
		}
		return Optional.of(new Lock(references, null));
	}

	/**
	 * The catalog side of deleting an asset, without its event: for callers (batch sample
	 * deletes) whose own event names the asset. Call after {@link #lock}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	AssetDeletion settle(Caller caller, UUID assetId, boolean cascade) {
		this.assets.markDeleted(caller, assetId);
		int unlinked = this.entities.unlinkAll(caller, assetId);
		List<Item> affected = this.items.sourceDeleted(caller, assetId, cascade);
		return new AssetDeletion(assetId, affected, unlinked, cascade);
	}

}
