package io.lethe.purge;

import java.util.List;

import io.lethe.testkit.TestInfrastructure;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * The test bucket as a user sees it with a plain S3 client, not through the worker's
 * object-store adapter: what {@code ListObjectVersions} and {@code ListMultipartUploads}
 * answer under a prefix.
 */
final class BucketProbe {

	private BucketProbe() {
	}

	/** Every version and delete marker under the prefix, as {@code key@versionId}. */
	static List<String> versionsUnder(String prefix) {
		try (S3Client s3 = client()) {
			return s3.listObjectVersionsPaginator((request) -> request.bucket(bucket()).prefix(prefix))
				.stream()
				.flatMap(BucketProbe::versionsAndMarkers)
				.toList();
		}
	}

	/** The keys of the multipart uploads open under the prefix. */
	static List<String> uploadsUnder(String prefix) {
		try (S3Client s3 = client()) {
			return s3.listMultipartUploads((request) -> request.bucket(bucket()).prefix(prefix))
				.uploads()
				.stream()
				.map((upload) -> upload.key())
				.toList();
		}
	}

	/** Puts a delete marker on top of the key's versions. */
	static void deleteMarker(String key) {
		try (S3Client s3 = client()) {
			s3.deleteObject((request) -> request.bucket(bucket()).key(key));
		}
	}

	private static java.util.stream.Stream<String> versionsAndMarkers(ListObjectVersionsResponse page) {
		return java.util.stream.Stream.concat(page.versions().stream().map((v) -> v.key() + "@" + v.versionId()),
				page.deleteMarkers().stream().map((m) -> m.key() + "@" + m.versionId() + " (delete marker)"));
	}

	private static String bucket() {
		return TestInfrastructure.s3().bucket();
	}

	private static S3Client client() {
		return TestInfrastructure.s3().client();
	}

}
