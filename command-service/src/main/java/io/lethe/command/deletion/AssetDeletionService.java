package io.lethe.command.deletion;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.api.ConflictException;
import io.lethe.command.asset.AssetService;
import io.lethe.command.auth.Caller;
import io.lethe.command.entity.EntityService;
import io.lethe.command.item.Item;
import io.lethe.command.item.ItemService;
import io.lethe.command.outbox.Outbox;
import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.codec.Topics;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an asset, as TwelveLabs defines it: refused (409, with the references) while
 * live items reference it, unless forced; forced, it goes anyway, its entity associations
 * are unlinked and the referencing items are flagged {@code source_deleted} (or, with
 * {@code cascade}, deleted too). The purge worker then removes its binary, every version.
 */
@Service
public class AssetDeletionService {

	private final AssetService assets;

	private final ItemService items;

	private final EntityService entities;

	private final Outbox outbox;

	private final Clock clock;

	AssetDeletionService(AssetService assets, ItemService items, EntityService entities, Outbox outbox, Clock clock) {
		this.assets = assets;
		this.items = items;
		this.entities = entities;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** What a deletion did. */
	public record AssetDeletion(UUID assetId, List<Item> referencingItems, int entitiesUnlinked, boolean cascade) {
	}

	@Transactional
	public AssetDeletion delete(Caller caller, UUID assetId, boolean force, boolean cascade) {
		this.assets.get(caller, assetId);
		List<Item> references = this.items.referencing(caller, assetId);
		if (!force && !references.isEmpty()) {
			throw new ConflictException("asset-referenced",
					"Asset " + assetId + " is referenced by " + references.size()
							+ " indexed asset(s); delete them first or pass force=true.",
					Map.of("references",
							references.stream()
								.map((item) -> Map.of("dataset_id", item.datasetId(), "item_id", item.id()))
								.toList()));
		}
		AssetDeletion deletion = settle(caller, assetId, cascade);
		UUID eventId = UUID.randomUUID();
		this.outbox.append(eventId, "asset", assetId, Topics.DELETIONS,
				AssetDeletionRequested.newBuilder()
					.setEventId(eventId.toString())
					.setOrgId(caller.orgId().toString())
					.setOccurredAt(this.clock.instant())
					.setAssetId(assetId.toString())
					.setRequestedBy(caller.principal())
					.setForce(force)
					.setCascade(cascade)
					.build());
		return deletion;
	}

	/**
	 * The catalog side of deleting an asset, without its event: for callers (batch sample
	 * deletes) whose own event names the asset.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	AssetDeletion settle(Caller caller, UUID assetId, boolean cascade) {
		this.assets.markDeleted(caller, assetId);
		int unlinked = this.entities.unlinkAll(caller, assetId);
		List<Item> affected = this.items.sourceDeleted(caller, assetId, cascade);
		return new AssetDeletion(assetId, affected, unlinked, cascade);
	}

}
