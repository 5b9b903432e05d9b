package io.lethe.command.item;

import java.util.UUID;

/**
 * An active item that references an asset, with the state of its dataset as read under a
 * shared lock on the dataset row: until the calling transaction ends, that dataset cannot
 * be deleted, restored, fenced or put under (or released from) a legal hold.
 *
 * @param datasetStatus the dataset's status ({@code active}, {@code pending_deletion},
 * {@code purging})
 * @param datasetHeld whether the dataset is under legal hold
 */
public record AssetReference(UUID itemId, UUID datasetId, String datasetStatus, boolean datasetHeld) {

	/**
	 * Whether the item's dataset still needs the asset: it is live or can be restored.
	 */
	public boolean needed() {
		return "active".equals(this.datasetStatus) || "pending_deletion".equals(this.datasetStatus);
	}

}
