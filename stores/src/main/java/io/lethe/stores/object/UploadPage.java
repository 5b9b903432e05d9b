package io.lethe.stores.object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a {@code ListMultipartUploads} answer, read with StAX as it streams in. A
 * purge lists the uploads under every prefix it empties and again to verify, mostly to
 * find none: in a JFR profile of small purges the SDK's client spent more of the worker's
 * CPU on those empty listings than {@link VersionPage} on listing the versions.
 *
 * @param uploads the page's unfinished uploads, in key order
 * @param truncated whether another page follows
 * @param nextKeyMarker where the next page starts
 * @param nextUploadIdMarker where the next page starts, within its key
 */
record UploadPage(List<MultipartUpload> uploads, boolean truncated, String nextKeyMarker, String nextUploadIdMarker) {

	/** The fields of an {@code Upload} a purge reads, in the order it keeps them. */
	private static final List<String> FIELDS = List.of("Key", "UploadId", "Initiated");

	static UploadPage parse(InputStream body) {
		List<MultipartUpload> uploads = new ArrayList<>();
		S3Xml.Next next = S3Xml.page(body, "list uploads", "NextUploadIdMarker",
				S3Xml.texts("Upload", FIELDS, (upload) -> {
					if (upload[0] == null || upload[1] == null) {
						throw new IllegalStateException("an Upload without Key or UploadId");
					}
					uploads.add(new MultipartUpload(upload[0], upload[1],
							(upload[2] != null) ? S3Xml.instant(upload[2].trim()) : null));
				}));
		return new UploadPage(uploads, next.truncated(), next.keyMarker(), next.secondMarker());
	}

}
