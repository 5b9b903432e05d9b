package io.lethe.stores.object;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Object storage for binaries: originals, previews, keyframes. Keys are slash-separated
 * paths such as {@code orgs/{org}/assets/{asset}/original}. Deleting treats "already
 * gone" as done, so every delete can be repeated after a crash.
 */
public interface ObjectStore {

	/**
	 * Most keys one {@link #deleteVersions} call accepts (the S3 DeleteObjects limit).
	 */
	int MAX_DELETE_BATCH = 1000;

	/**
	 * Stores {@code length} bytes of {@code content} as the newest version of
	 * {@code key}.
	 */
	StoredObject put(String key, InputStream content, long length, String contentType);

	Optional<ObjectInfo> head(String key);

	/** The newest version's bytes; the caller closes the stream. */
	Optional<InputStream> get(String key);

	/**
	 * Every version and delete marker under {@code prefix}, fetched page by page as the
	 * stream is consumed. All entries of one key come one after another, so a consumer
	 * can judge a key as a whole without holding the listing. The caller closes the
	 * stream.
	 */
	Stream<ObjectVersion> listVersions(String prefix);

	/**
	 * Permanently deletes the given versions (and delete markers), at most
	 * {@link #MAX_DELETE_BATCH} of them.
	 * @return how many the store confirmed deleted, including those that were already
	 * gone
	 * @throws ObjectStoreException when any of them could not be deleted
	 */
	int deleteVersions(List<ObjectVersion> versions);

	String startMultipartUpload(String key, String contentType);

	/**
	 * @return the part's entity tag, needed to complete the upload
	 */
	String uploadPart(String key, String uploadId, int partNumber, InputStream content, long length);

	StoredObject completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts);

	/**
	 * Aborts an upload and frees its parts; an upload that is already gone is not an
	 * error.
	 */
	void abortMultipartUpload(String key, String uploadId);

	/**
	 * Multipart uploads under {@code prefix} that were started and neither completed nor
	 * aborted.
	 */
	Stream<MultipartUpload> listMultipartUploads(String prefix);

}
