package io.lethe.stores.object;

import java.time.Instant;

/** A multipart upload that was started and neither completed nor aborted. */
public record MultipartUpload(String key, String uploadId, Instant initiated) {
}
