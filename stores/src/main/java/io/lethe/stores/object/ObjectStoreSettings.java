package io.lethe.stores.object;

import java.nio.file.Path;

/**
 * Which object store to use: {@code s3} (any S3-compatible service) or {@code filesystem}
 * (a local directory, for users who want no S3). Bound from {@code lethe.object-store.*}
 * by the services.
 */
public record ObjectStoreSettings(String type, Path filesystemRoot, S3Settings s3) {

	public ObjectStore open() {
		String kind = (this.type == null || this.type.isBlank()) ? "s3" : this.type.strip().toLowerCase();
		return switch (kind) {
			case "s3" -> {
				if (this.s3 == null) {
					throw new IllegalStateException("lethe.object-store.s3.* must be set for the s3 object store");
				}
				yield new S3ObjectStore(this.s3);
			}
			case "filesystem" -> {
				if (this.filesystemRoot == null) {
					throw new IllegalStateException("lethe.object-store.filesystem-root must be set");
				}
				yield new FilesystemObjectStore(this.filesystemRoot);
			}
			default ->
				throw new IllegalStateException("lethe.object-store.type must be s3 or filesystem, not " + this.type);
		};
	}

}
