package io.lethe.stores.object;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where an S3-compatible bucket is. {@code endpoint} null means AWS itself; S3Mock and
 * MinIO need an endpoint and path-style addressing. {@code callTimeout} bounds one try of
 * one request (default 30 s). {@code sdkAttempts} is the AWS SDK's own tries of a request
 * (default 1: no retry inside the SDK), set explicitly so that its retries never nest
 * unseen inside Lethe's {@code RetryPolicy}, which retries store calls where they can be
 * retried whole.
 */
public record S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
		boolean pathStyle, int maxConnections, Duration callTimeout, int sdkAttempts) {

	/** Settings with the SDK's retries off. */
	public S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
			int maxConnections, Duration callTimeout) {
		this(endpoint, region, bucket, accessKey, secretKey, pathStyle, maxConnections, callTimeout, 1);
	}

	@ConstructorBinding
	public S3Settings {
		if (bucket == null || bucket.isBlank()) {
			throw new IllegalArgumentException("An S3 object store needs a bucket");
		}
		region = (region == null || region.isBlank()) ? "us-east-1" : region;
		maxConnections = (maxConnections > 0) ? maxConnections : 32;
		// one try of one call; a store that hangs fails the try, and the call is retried
		callTimeout = (callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero()) ? callTimeout
				: Duration.ofSeconds(30);
		sdkAttempts = Math.max(1, sdkAttempts);
	}

}
