package io.lethe.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * A deletion whose purge has begun in Lethe ({@code PurgeStarted}): the root can no
 * longer be restored, and every downstream copy is to be erased.
 *
 * @param root what was deleted
 * @param deletionEventId the event id of the deletion request, which the acknowledgement
 * names
 * @param eventId the id of the {@code PurgeStarted} event
 * @param purgeStartedAt when Lethe's purge began
 */
public record Deletion(Root root, UUID deletionEventId, UUID eventId, Instant purgeStartedAt) {
}
