package io.lethe.command.item;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.lethe.command.auth.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What deletions do to items, inside the deleting transaction: the references an asset
 * deletion reads (with their datasets locked), items a batch locks and hides, and the
 * flags or deletes an asset deletion leaves on the items that used it.
 */
@Service
public class ItemDeletions {

	private final Items items;

	private final Clock clock;

	ItemDeletions(Items items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	/**
	 * The dataset's active items among {@code ids}, locked until the calling transaction
	 * ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Item> lockActive(UUID datasetId, java.util.Collection<UUID> ids) {
		return this.items.lockActive(datasetId, ids);
	}

	/**
	 * The distinct sources, in id order, of the dataset's active items among {@code ids}
	 * whose source is not deleted yet. Read without locks: the caller locks them next.
	 */
	@Transactional(readOnly = true)
	public List<UUID> sourcesOf(UUID datasetId, java.util.Collection<UUID> ids) {
		return this.items.sourcesOf(datasetId, ids);
	}

	/**
	 * Hides the items at once (lists, search); the purge worker removes their vectors,
	 * previews and rows.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int markDeleted(Caller caller, java.util.Collection<UUID> ids) {
		return ids.isEmpty() ? 0 : this.items.markDeleted(ids, caller.principal(), now());
	}

	/**
	 * The active items that reference the asset, with their datasets locked (shared)
	 * until the calling transaction ends, so that what a deletion decides from them
	 * cannot go stale before it commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<AssetReference> lockReferences(Caller caller, UUID assetId) {
		return this.items.lockReferences(caller.orgId(), assetId);
	}

	/**
	 * What an asset deletion does to the items that reference it: with {@code cascade}
	 * the items of live datasets are deleted too; every other referencing item of a live
	 * or restorable dataset stays, flagged {@code source_deleted}, keeping its own
	 * preview and vectors. Items of a dataset being purged are left to that purge. Call
	 * after {@link #lockReferences}.
	 * @return the items affected
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Item> sourceDeleted(Caller caller, UUID assetId, boolean cascade) {
		List<Item> affected = new java.util.ArrayList<>();
		if (cascade) {
			affected.addAll(this.items.cascadeDelete(caller.orgId(), assetId, caller.principal(), now()));
		}
		affected.addAll(this.items.flagSourceDeleted(caller.orgId(), assetId));
		affected.sort(java.util.Comparator.comparing(Item::createdAt).thenComparing(Item::id));
		return affected;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
