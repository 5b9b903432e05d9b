package io.lethe.command.asset;

import java.util.List;
import java.util.UUID;

import io.lethe.command.auth.Caller;

/**
 * Deleting an asset, the port its own route ({@code DELETE /api/v1/assets/{id}}) calls.
 * The rules of a deletion read the datasets and items that use the asset, so the deletion
 * feature implements it: the asset feature does not depend on items or datasets, and its
 * route can stay next to the resource it deletes.
 */
public interface AssetDeletions {

	/**
	 * Deletes the asset: refused (409) while items of a live or restorable dataset
	 * reference it unless {@code force}, always refused under a legal hold;
	 * {@code cascade} also deletes the referencing items of live datasets.
	 */
	DeletedAsset deleteAsset(Caller caller, UUID assetId, boolean force, boolean cascade);

	/**
	 * What a deletion did: the items that referenced the asset, the entities unlinked.
	 */
	record DeletedAsset(UUID assetId, List<Reference> references, int entitiesUnlinked, boolean cascade) {
	}

	/**
	 * An item that referenced the asset, in its dataset, and its status after the
	 * deletion: {@code deleted} when a cascade took it along, {@code active} when it was
	 * kept, flagged {@code source_deleted}.
	 */
	record Reference(UUID datasetId, UUID itemId, String itemStatus) {
	}

}
