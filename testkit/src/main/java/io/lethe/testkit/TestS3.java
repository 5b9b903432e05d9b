package io.lethe.testkit;

import java.net.URI;

/** An S3 endpoint and a versioned bucket for one test JVM. */
public record TestS3(URI endpoint, String bucket, String accessKey, String secretKey) {
}
