package io.lethe.command.entity;

import java.time.Instant;
import java.util.UUID;

/** A named thing (a person, a logo) that assets can be associated with. */
public record Entity(UUID id, UUID orgId, String name, String description, Instant createdAt, String createdBy) {
}
