package io.lethe.stores.object;

import java.time.Instant;

/** The newest version of an object. */
public record ObjectInfo(String key, String versionId, long size, String contentType, Instant lastModified) {
}
