package io.lethe.stores.object;

/** A part of a multipart upload, as {@link ObjectStore#uploadPart} acknowledged it. */
public record UploadedPart(int partNumber, String etag) {
}
