package io.lethe.devstack;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Makes sure a bucket exists with versioning on, on any S3-compatible server. */
public final class S3Buckets {

	private S3Buckets() {
	}

	/**
	 * A plain path-style client of an S3-compatible server, as a user's tooling sees it
	 * (the services use their own adapter).
	 */
	public static S3Client client(URI endpoint, String accessKey, String secretKey) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.build();
	}

	public static void ensureVersioned(URI endpoint, String accessKey, String secretKey, String bucket) {
		try (S3Client s3 = client(endpoint, accessKey, secretKey)) {
			try {
				s3.headBucket((request) -> request.bucket(bucket));
			}
			catch (NoSuchBucketException ex) {
				s3.createBucket((request) -> request.bucket(bucket));
			}
			catch (S3Exception ex) {
				if (ex.statusCode() != 404) {
					throw ex;
				}
				s3.createBucket((request) -> request.bucket(bucket));
			}
			s3.putBucketVersioning((request) -> request.bucket(bucket)
				.versioningConfiguration((versioning) -> versioning.status(BucketVersioningStatus.ENABLED)));
		}
	}

}
