package io.lethe.testkit;

import java.net.URI;

import io.lethe.devstack.S3Buckets;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3 endpoint and a versioned bucket for one test JVM. */
public record TestS3(URI endpoint, String bucket, String accessKey, String secretKey) {

	/** A plain S3 client of the endpoint: what a user's tooling would see. */
	public S3Client client() {
		return S3Buckets.client(this.endpoint, this.accessKey, this.secretKey);
	}

}
