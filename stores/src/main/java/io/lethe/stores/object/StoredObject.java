package io.lethe.stores.object;

/**
 * What a write produced: the version it created (null where the store keeps no versions)
 * and its size.
 */
public record StoredObject(String key, String versionId, long size, String etag) {
}
