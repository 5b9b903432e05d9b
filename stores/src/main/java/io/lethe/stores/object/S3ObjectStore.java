package io.lethe.stores.object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link ObjectStore} on any S3-compatible service, through the AWS SDK v2. */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final S3Requests requests = new S3Requests();

	private final S3PurgeCalls purgeCalls;

	public S3ObjectStore(S3Settings settings) {
		this.s3 = S3Clients.build(settings, this.requests);
		this.purgeCalls = new S3PurgeCalls(settings, this.requests::sent);
		this.bucket = settings.bucket();
	}

	/**
	 * Has {@code listener} told of every HTTP request sent to the store (each try of each
	 * call, each page of a listing), on the calling thread, by the S3 operation's name:
	 * the round trips a caller pays, for its metrics.
	 */
	public void onRequest(Consumer<String> listener) {
		this.requests.listener(listener);
	}

	public String bucket() {
		return this.bucket;
	}

	@Override
	public StoredObject put(String key, InputStream content, long length, String contentType) {
		PutObjectResponse response = call("put " + key,
				() -> this.s3.putObject((request) -> request.bucket(this.bucket).key(key).contentType(contentType),
						RequestBody.fromInputStream(content, length)));
		return new StoredObject(key, response.versionId(), length, response.eTag());
	}

	@Override
	public Optional<ObjectInfo> head(String key) {
		try {
			HeadObjectResponse head = this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
			return Optional.of(new ObjectInfo(key, head.versionId(), head.contentLength(), head.contentType(),
					head.lastModified()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw translate("head " + key, ex);
		}
		catch (SdkException ex) {
			throw translate("head " + key, ex);
		}
	}

	@Override
	public Optional<InputStream> get(String key) {
		try {
			return Optional.of(this.s3.getObject((request) -> request.bucket(this.bucket).key(key)));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (SdkException ex) {
			throw translate("get " + key, ex);
		}
	}

	@Override
	public Stream<ObjectVersion> listVersions(String prefix) {
		return pages(() -> this.purgeCalls.page(prefix, null, null),
				(last) -> this.purgeCalls.page(prefix, last.nextKeyMarker(), last.nextVersionIdMarker()),
				VersionPage::truncated)
			.flatMap((page) -> inKeyOrder(page.versions(), page.markers()));
	}

	/** Pages fetched one at a time, as the stream is read, until one is not truncated. */
	private static <P> Stream<P> pages(Supplier<P> first, UnaryOperator<P> next, Predicate<P> truncated) {
		Spliterator<P> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
				Spliterator.ORDERED | Spliterator.NONNULL) {

			private P last;

			@Override
			public boolean tryAdvance(Consumer<? super P> action) {
				if (this.last != null && !truncated.test(this.last)) {
					return false;
				}
				this.last = (this.last == null) ? first.get() : next.apply(this.last);
				action.accept(this.last);
				return true;
			}
		};
		return StreamSupport.stream(pages, false);
	}

	/**
	 * One page's versions and delete markers, merged by key. S3 returns them in two
	 * lists, each in key order, so a plain concatenation would split a key's entries
	 * apart; since pages follow each other in key order, the merged pages keep every
	 * key's entries adjacent in the whole listing.
	 */
	private static Stream<ObjectVersion> inKeyOrder(List<ObjectVersion> versions, List<ObjectVersion> markers) {
		if (markers.isEmpty()) {
			return versions.stream();
		}
		List<ObjectVersion> merged = new ArrayList<>(versions.size() + markers.size());
		int v = 0;
		int m = 0;
		while (v < versions.size() || m < markers.size()) {
			boolean takeVersion = m >= markers.size()
					|| (v < versions.size() && compareAsS3(versions.get(v).key(), markers.get(m).key()) <= 0);
			merged.add(takeVersion ? versions.get(v++) : markers.get(m++));
		}
		return merged.stream();
	}

	/** S3's key order: by UTF-8 bytes, which is the order of code points. */
	static int compareAsS3(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	@Override
	public int deleteVersions(List<ObjectVersion> versions) {
		if (versions.isEmpty()) {
			return 0;
		}
		if (versions.size() > MAX_DELETE_BATCH) {
			throw new IllegalArgumentException("At most " + MAX_DELETE_BATCH + " versions per delete");
		}
		List<DeleteErrors.Failed> failed = this.purgeCalls.delete(versions)
			.stream()
			.filter((error) -> !"NoSuchVersion".equals(error.code()) && !"NoSuchKey".equals(error.code()))
			.toList();
		if (!failed.isEmpty()) {
			DeleteErrors.Failed first = failed.get(0);
			boolean retryable = failed.stream()
				.allMatch((error) -> "SlowDown".equals(error.code()) || "InternalError".equals(error.code())
						|| "ServiceUnavailable".equals(error.code()));
			throw new ObjectStoreException(failed.size() + " of " + versions.size() + " versions not deleted, first "
					+ first.key() + ": " + first.code() + " " + first.message(), retryable);
		}
		return versions.size();
	}

	@Override
	public String startMultipartUpload(String key, String contentType) {
		return call("start upload " + key,
				() -> this.s3
					.createMultipartUpload((request) -> request.bucket(this.bucket).key(key).contentType(contentType))
					.uploadId());
	}

	@Override
	public String uploadPart(String key, String uploadId, int partNumber, InputStream content, long length) {
		return call("upload part " + partNumber + " of " + key,
				() -> this.s3
					.uploadPart((request) -> request.bucket(this.bucket)
						.key(key)
						.uploadId(uploadId)
						.partNumber(partNumber)
						.contentLength(length), RequestBody.fromInputStream(content, length))
					.eTag());
	}

	@Override
	public StoredObject completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
		List<CompletedPart> completed = parts.stream()
			.map((part) -> CompletedPart.builder().partNumber(part.partNumber()).eTag(part.etag()).build())
			.toList();
		var response = call("complete upload " + key,
				() -> this.s3.completeMultipartUpload((request) -> request.bucket(this.bucket)
					.key(key)
					.uploadId(uploadId)
					.multipartUpload((upload) -> upload.parts(completed))));
		long size = head(key).map(ObjectInfo::size).orElse(-1L);
		return new StoredObject(key, response.versionId(), size, response.eTag());
	}

	@Override
	public void abortMultipartUpload(String key, String uploadId) {
		try {
			this.s3.abortMultipartUpload((request) -> request.bucket(this.bucket).key(key).uploadId(uploadId));
		}
		catch (NoSuchUploadException ex) {
			// Already completed or aborted: nothing left to free.
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw translate("abort upload " + key, ex);
			}
		}
		catch (SdkException ex) {
			throw translate("abort upload " + key, ex);
		}
	}

	@Override
	public Stream<MultipartUpload> listMultipartUploads(String prefix) {
		return pages(() -> this.purgeCalls.uploads(prefix, null, null),
				(last) -> this.purgeCalls.uploads(prefix, last.nextKeyMarker(), last.nextUploadIdMarker()),
				UploadPage::truncated)
			.flatMap((page) -> page.uploads().stream());
	}

	@Override
	public void close() {
		this.s3.close();
		this.purgeCalls.close();
	}

	private static <T> T call(String what, Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (SdkException ex) {
			throw translate(what, ex);
		}
	}

	static ObjectStoreException translate(String what, SdkException ex) {
		boolean retryable = ex.retryable() || ex instanceof SdkClientException
				|| (ex instanceof S3Exception s3 && (s3.statusCode() >= 500 || s3.statusCode() == 429));
		return new ObjectStoreException("S3 " + what + " failed: " + ex.getMessage(), retryable, ex);
	}

}
