package io.lethe.command.deletion;

import java.time.Instant;
import java.util.UUID;

/**
 * An asset was deleted (its deletion committed with this event): the purge removes its
 * binary and, with {@code cascade}, the items it took along.
 */
public record AssetDeleted(UUID eventId, UUID orgId, UUID assetId, String requestedBy, boolean force, boolean cascade,
		Instant at) {
}
