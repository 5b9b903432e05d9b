package io.lethe.stores.object;

import java.net.URI;

/**
 * Where an S3-compatible bucket is. {@code endpoint} null means AWS itself; S3Mock and
 * MinIO need an endpoint and path-style addressing.
 */
public record S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
		boolean pathStyle, int maxConnections) {

	public S3Settings {
		if (bucket == null || bucket.isBlank()) {
			throw new IllegalArgumentException("An S3 object store needs a bucket");
		}
		region = (region == null || region.isBlank()) ? "us-east-1" : region;
		maxConnections = (maxConnections > 0) ? maxConnections : 32;
	}

}
