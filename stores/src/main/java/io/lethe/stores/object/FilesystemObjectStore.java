package io.lethe.stores.object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link ObjectStore} in a local directory, for users who want no S3 at all. It keeps one
 * version per key (version id {@code "null"}, as S3 reports for unversioned buckets), so
 * deleting a key deletes it completely. Writes go to a temporary file first and are moved
 * into place, so a crash never leaves a half-written object under its key.
 */
public final class FilesystemObjectStore implements ObjectStore {

	private static final String NULL_VERSION = "null";

	private final Path objects;

	private final Path uploads;

	public FilesystemObjectStore(Path root) {
		this.objects = root.resolve("objects").toAbsolutePath().normalize();
		this.uploads = root.resolve("uploads").toAbsolutePath().normalize();
		io(() -> {
			Files.createDirectories(this.objects);
			Files.createDirectories(this.uploads);
			return null;
		});
	}

	@Override
	public StoredObject put(String key, InputStream content, long length, String contentType) {
		Path target = pathOf(key);
		long written = io(() -> {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(this.uploads, "put-", ".tmp");
			long copied;
			try (OutputStream out = Files.newOutputStream(temp)) {
				copied = content.transferTo(out);
			}
			if (copied != length) {
				Files.deleteIfExists(temp);
				throw new IOException("expected " + length + " bytes, got " + copied);
			}
			move(temp, target);
			Files.writeString(contentTypeFile(target), (contentType != null) ? contentType : "",
					StandardCharsets.UTF_8);
			return copied;
		});
		return new StoredObject(key, NULL_VERSION, written, null);
	}

	@Override
	public Optional<ObjectInfo> head(String key) {
		Path path = pathOf(key);
		if (!Files.isRegularFile(path)) {
			return Optional.empty();
		}
		return io(() -> Optional.of(new ObjectInfo(key, NULL_VERSION, Files.size(path), contentType(path),
				Files.getLastModifiedTime(path).toInstant())));
	}

	@Override
	public Optional<InputStream> get(String key) {
		Path path = pathOf(key);
		try {
			return Optional.of(Files.newInputStream(path));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new ObjectStoreException("Could not read " + key, true, ex);
		}
	}

	@Override
	public Stream<ObjectVersion> listVersions(String prefix) {
		// Walk only the deepest directory the prefix names, streaming: a large tree is
		// never held in memory.
		Path start = this.objects.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1)).normalize();
		if (!start.startsWith(this.objects) || !Files.isDirectory(start)) {
			return Stream.empty();
		}
		Stream<Path> files = io(() -> Files.walk(start));
		return files.filter(Files::isRegularFile)
			.filter((path) -> !path.getFileName().toString().endsWith(".content-type"))
			.map((path) -> this.objects.relativize(path).toString().replace('\\', '/'))
			.filter((key) -> key.startsWith(prefix))
			.map((key) -> new ObjectVersion(key, NULL_VERSION, false, io(() -> Files.size(pathOf(key))),
					io(() -> Files.getLastModifiedTime(pathOf(key)).toInstant())));
	}

	@Override
	public int deleteVersions(List<ObjectVersion> versions) {
		if (versions.size() > MAX_DELETE_BATCH) {
			throw new IllegalArgumentException("At most " + MAX_DELETE_BATCH + " versions per delete");
		}
		for (ObjectVersion version : versions) {
			Path path = pathOf(version.key());
			io(() -> {
				Files.deleteIfExists(path);
				Files.deleteIfExists(contentTypeFile(path));
				pruneEmptyParents(path.getParent());
				return null;
			});
		}
		return versions.size();
	}

	@Override
	public String startMultipartUpload(String key, String contentType) {
		pathOf(key);
		String uploadId = UUID.randomUUID().toString();
		Path dir = this.uploads.resolve(uploadId);
		io(() -> {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("key"), key, StandardCharsets.UTF_8);
			Files.writeString(dir.resolve("content-type"), (contentType != null) ? contentType : "",
					StandardCharsets.UTF_8);
			return null;
		});
		return uploadId;
	}

	@Override
	public String uploadPart(String key, String uploadId, int partNumber, InputStream content, long length) {
		Path dir = uploadDir(key, uploadId);
		Path part = dir.resolve(String.format("part-%05d", partNumber));
		io(() -> {
			Path temp = Files.createTempFile(dir, "part-", ".tmp");
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.transferTo(out);
			}
			move(temp, part);
			return null;
		});
		return "part-" + partNumber;
	}

	@Override
	public StoredObject completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
		Path dir = uploadDir(key, uploadId);
		Path target = pathOf(key);
		long size = io(() -> {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(this.uploads, "complete-", ".tmp");
			long total = 0;
			try (OutputStream out = Files.newOutputStream(temp)) {
				for (UploadedPart part : parts.stream()
					.sorted(Comparator.comparingInt(UploadedPart::partNumber))
					.toList()) {
					Path file = dir.resolve(String.format("part-%05d", part.partNumber()));
					if (!Files.isRegularFile(file)) {
						throw new ObjectStoreException(
								"Part " + part.partNumber() + " of upload " + uploadId + " was never uploaded", false);
					}
					total += Files.copy(file, out);
				}
			}
			Files.copy(dir.resolve("content-type"), contentTypeFile(target), StandardCopyOption.REPLACE_EXISTING);
			move(temp, target);
			deleteTree(dir);
			return total;
		});
		return new StoredObject(key, NULL_VERSION, size, null);
	}

	@Override
	public void abortMultipartUpload(String key, String uploadId) {
		Path dir = this.uploads.resolve(uploadId).normalize();
		if (dir.getParent().equals(this.uploads) && Files.isDirectory(dir)) {
			io(() -> {
				deleteTree(dir);
				return null;
			});
		}
	}

	@Override
	public Stream<MultipartUpload> listMultipartUploads(String prefix) {
		List<MultipartUpload> open = new ArrayList<>();
		io(() -> {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(this.uploads, Files::isDirectory)) {
				for (Path dir : dirs) {
					String key = Files.readString(dir.resolve("key"), StandardCharsets.UTF_8);
					if (key.startsWith(prefix)) {
						FileTime created = Files.getLastModifiedTime(dir.resolve("key"));
						open.add(new MultipartUpload(key, dir.getFileName().toString(), created.toInstant()));
					}
				}
			}
			return null;
		});
		return open.stream();
	}

	private Path uploadDir(String key, String uploadId) {
		Path dir = this.uploads.resolve(uploadId).normalize();
		boolean known = dir.getParent().equals(this.uploads) && Files.isDirectory(dir)
				&& key.equals(io(() -> Files.readString(dir.resolve("key"), StandardCharsets.UTF_8)));
		if (!known) {
			throw new ObjectStoreException("No upload " + uploadId + " for " + key, false);
		}
		return dir;
	}

	/** Keys are paths below the root; anything that would escape it is refused. */
	private Path pathOf(String key) {
		if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
			throw new IllegalArgumentException("Invalid object key: " + key);
		}
		Path path = this.objects.resolve(key).normalize();
		if (!path.startsWith(this.objects) || path.equals(this.objects)) {
			throw new IllegalArgumentException("Invalid object key: " + key);
		}
		return path;
	}

	private static Path contentTypeFile(Path object) {
		return object.resolveSibling(object.getFileName() + ".content-type");
	}

	private static String contentType(Path object) throws IOException {
		Path file = contentTypeFile(object);
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
	}

	private void pruneEmptyParents(Path dir) throws IOException {
		while (dir != null && dir.startsWith(this.objects) && !dir.equals(this.objects)) {
			try (Stream<Path> entries = Files.list(dir)) {
				if (entries.findAny().isPresent()) {
					return;
				}
			}
			catch (NoSuchFileException ex) {
				return;
			}
			Files.deleteIfExists(dir);
			dir = dir.getParent();
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private interface IoAction<T> {

		T run() throws IOException;

	}

	private static <T> T io(IoAction<T> action) {
		try {
			return action.run();
		}
		catch (IOException ex) {
			throw new ObjectStoreException("Filesystem object store: " + ex.getMessage(), true, ex);
		}
		catch (UncheckedIOException ex) {
			throw new ObjectStoreException("Filesystem object store: " + ex.getMessage(), true, ex);
		}
	}

}
