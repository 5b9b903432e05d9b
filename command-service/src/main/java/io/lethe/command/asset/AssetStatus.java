package io.lethe.command.asset;

import java.time.Instant;

/**
 * Where an asset stands, also once it is deleted: its status and, when deleted, when and
 * by whom.
 */
public record AssetStatus(String status, Instant deletedAt, String deletedBy) {

	public boolean isDeleted() {
		return Asset.DELETED.equals(this.status);
	}

}
