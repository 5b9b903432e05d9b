package io.lethe.command.asset;

import java.time.Instant;

/**
 * Where an asset stands, also once it is deleted: its status and, when deleted, when and
 * by whom; {@code rowPurged} once its purge removed the asset's row.
 */
public record AssetStatus(String status, Instant deletedAt, String deletedBy, boolean rowPurged) {

	public boolean isDeleted() {
		return Asset.DELETED.equals(this.status);
	}

}
