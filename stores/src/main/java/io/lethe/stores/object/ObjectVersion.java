package io.lethe.stores.object;

import java.time.Instant;

/**
 * One version of an object, or a delete marker. Deleting every {@code ObjectVersion}
 * under a prefix leaves nothing a later read or a restore of an old version could bring
 * back.
 */
public record ObjectVersion(String key, String versionId, boolean deleteMarker, long size, Instant lastModified) {
}
