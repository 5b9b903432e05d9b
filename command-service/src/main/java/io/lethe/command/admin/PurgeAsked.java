package io.lethe.command.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator (or a released hold) asked for a purge now: of a root, or a sweep of every
 * due job ({@code rootType} {@code sweep}).
 */
public record PurgeAsked(UUID eventId, UUID orgId, String rootType, UUID rootId, String requestedBy, String reason,
		Instant at) {
}
