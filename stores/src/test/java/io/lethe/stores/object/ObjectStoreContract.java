package io.lethe.stores.object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ObjectStore} adapter must do; each adapter's test class runs these on
 * a real store.
 */
abstract class ObjectStoreContract {

	protected final String prefix = "orgs/" + UUID.randomUUID() + "/";

	abstract ObjectStore store();

	@Test
	void anObjectPutCanBeReadBackWithItsSizeAndContentType() throws IOException {
		store().put(this.prefix + "a/original", bytes("hello"), 5, "text/plain");

		assertThat(store().head(this.prefix + "a/original")).hasValueSatisfying((info) -> {
			assertThat(info.size()).isEqualTo(5);
			assertThat(info.contentType()).isEqualTo("text/plain");
		});
		try (InputStream in = store().get(this.prefix + "a/original").orElseThrow()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
		}
	}

	@Test
	void aMissingObjectIsEmptyNotAnError() {
		assertThat(store().head(this.prefix + "missing")).isEmpty();
		assertThat(store().get(this.prefix + "missing")).isEmpty();
	}

	@Test
	void deletingEveryListedVersionLeavesNothingUnderThePrefix() {
		for (int i = 0; i < 5; i++) {
			store().put(this.prefix + "items/" + i + "/preview.jpg", bytes("v1-" + i), 4, "image/jpeg");
		}
		store().put(this.prefix + "other-root/original", bytes("keep"), 4, "application/octet-stream");

		List<ObjectVersion> versions = versions(this.prefix + "items/");
		assertThat(versions).hasSizeGreaterThanOrEqualTo(5);
		assertThat(store().deleteVersions(versions)).isEqualTo(versions.size());

		assertThat(versions(this.prefix + "items/")).isEmpty();
		assertThat(store().head(this.prefix + "other-root/original")).isPresent();
	}

	@Test
	void deletingVersionsThatAreAlreadyGoneIsNotAnError() {
		store().put(this.prefix + "once", bytes("x"), 1, "text/plain");
		List<ObjectVersion> versions = versions(this.prefix + "once");
		store().deleteVersions(versions);

		assertThat(store().deleteVersions(versions)).isEqualTo(versions.size());
		assertThat(versions(this.prefix + "once")).isEmpty();
	}

	@Test
	void aMultipartUploadLeftUnfinishedIsListedUntilAborted() {
		String key = this.prefix + "assets/big/original";
		String uploadId = store().startMultipartUpload(key, "video/mp4");
		store().uploadPart(key, uploadId, 1, bytes("part"), 4);

		assertThat(uploads(this.prefix)).extracting(MultipartUpload::uploadId).containsExactly(uploadId);

		store().abortMultipartUpload(key, uploadId);
		assertThat(uploads(this.prefix)).isEmpty();
		store().abortMultipartUpload(key, uploadId);
	}

	@Test
	void aCompletedMultipartUploadBecomesOneObject() throws IOException {
		String key = this.prefix + "assets/big/original";
		String uploadId = store().startMultipartUpload(key, "application/octet-stream");
		byte[] first = new byte[5 * 1024 * 1024];
		java.util.Arrays.fill(first, (byte) 'a');
		String etag1 = store().uploadPart(key, uploadId, 1, new ByteArrayInputStream(first), first.length);
		String etag2 = store().uploadPart(key, uploadId, 2, bytes("tail"), 4);

		StoredObject stored = store().completeMultipartUpload(key, uploadId,
				List.of(new UploadedPart(1, etag1), new UploadedPart(2, etag2)));

		assertThat(stored.size()).isEqualTo(first.length + 4L);
		assertThat(uploads(this.prefix)).isEmpty();
		try (InputStream in = store().get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).hasSize(first.length + 4);
		}
	}

	protected List<ObjectVersion> versions(String prefix) {
		try (Stream<ObjectVersion> versions = store().listVersions(prefix)) {
			return new ArrayList<>(versions.toList());
		}
	}

	protected List<MultipartUpload> uploads(String prefix) {
		try (Stream<MultipartUpload> uploads = store().listMultipartUploads(prefix)) {
			return uploads.toList();
		}
	}

	protected static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
