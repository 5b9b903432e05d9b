package io.lethe.purge;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectInfo;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectStoreException;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.object.StoredObject;
import io.lethe.stores.object.UploadedPart;

/**
 * The real object store with a fault switch, for fault injection only: deletes of
 * versions under a chosen prefix can fail (a store error, transient or permanent) or
 * crash the calling worker (an {@link Error} that no purge code handles, as when the
 * process dies), or be acknowledged and not done. Everything else goes to the real store;
 * the prefixes listed are kept, to tell how many list requests a purge made.
 */
public class FaultyObjectStore implements ObjectStore {

	private final ObjectStore delegate;

	private final Map<String, Fault> faults = new ConcurrentHashMap<>();

	private final Map<String, Integer> crashes = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> ignored = new ConcurrentHashMap<>();

	private final Queue<String> listed = new ConcurrentLinkedQueue<>();

	private final Queue<String> uploadListings = new ConcurrentLinkedQueue<>();

	private volatile Hold hold;

	public FaultyObjectStore(ObjectStore delegate) {
		this.delegate = delegate;
	}

	/**
	 * Fails the next {@code times} deletes under the prefix ({@code -1}: every one).
	 */
	public void failDeletes(String prefix, int times, boolean retryable) {
		this.faults.put(prefix, new Fault(new AtomicInteger(0), 0, times, retryable));
	}

	/**
	 * The next listing of exactly {@code prefix} crashes the worker after it has handed
	 * out {@code versions} versions; later listings are left alone.
	 */
	public void crashListing(String prefix, int versions) {
		this.crashes.put(prefix, versions);
	}

	/**
	 * The next {@code times} delete calls under the prefix answer that every version was
	 * deleted and delete nothing, as a store that acknowledges before it is durable may.
	 */
	public void ignoreDeletes(String prefix, int times) {
		this.ignored.put(prefix, new AtomicInteger(times));
	}

	/**
	 * Listings under the prefix made on threads whose name starts with
	 * {@code threadNamePrefix} wait until {@link #clear()} (at most a minute), as a
	 * worker held up by a slow store would; listings on other threads are left alone.
	 */
	public void holdListings(String prefix, String threadNamePrefix) {
		this.hold = new Hold(prefix, threadNamePrefix, new CountDownLatch(1));
	}

	public void clear() {
		Hold held = this.hold;
		this.hold = null;
		if (held != null) {
			held.released().countDown();
		}
		this.ignored.clear();
		this.faults.clear();
		this.crashes.clear();
		this.listed.clear();
		this.uploadListings.clear();
	}

	/** The prefixes listed (for versions) so far that start with {@code prefix}. */
	public List<String> listedUnder(String prefix) {
		return this.listed.stream().filter((listing) -> listing.startsWith(prefix)).toList();
	}

	/**
	 * The prefixes listed for unfinished uploads so far that start with {@code prefix}.
	 */
	public List<String> uploadListingsUnder(String prefix) {
		return this.uploadListings.stream().filter((listing) -> listing.startsWith(prefix)).toList();
	}

	@Override
	public int deleteVersions(List<ObjectVersion> versions) {
		for (Map.Entry<String, Fault> entry : this.faults.entrySet()) {
			if (versions.stream().anyMatch((version) -> version.key().startsWith(entry.getKey()))) {
				entry.getValue().strike(entry.getKey());
			}
		}
		for (Map.Entry<String, AtomicInteger> entry : this.ignored.entrySet()) {
			if (versions.stream().allMatch((version) -> version.key().startsWith(entry.getKey()))
					&& entry.getValue().getAndDecrement() > 0) {
				return versions.size();
			}
		}
		return this.delegate.deleteVersions(versions);
	}

	@Override
	public StoredObject put(String key, InputStream content, long length, String contentType) {
		return this.delegate.put(key, content, length, contentType);
	}

	@Override
	public Optional<ObjectInfo> head(String key) {
		return this.delegate.head(key);
	}

	@Override
	public Optional<InputStream> get(String key) {
		return this.delegate.get(key);
	}

	@Override
	public Stream<ObjectVersion> listVersions(String prefix) {
		this.listed.add(prefix);
		Hold held = this.hold;
		if (held != null && prefix.startsWith(held.prefix())
				&& Thread.currentThread().getName().startsWith(held.threadNamePrefix())) {
			try {
				held.released().await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Integer crashAfter = this.crashes.remove(prefix);
		if (crashAfter == null) {
			return this.delegate.listVersions(prefix);
		}
		AtomicInteger handedOut = new AtomicInteger();
		return this.delegate.listVersions(prefix).map((version) -> {
			if (handedOut.incrementAndGet() > crashAfter) {
				throw new SimulatedCrash("Simulated worker crash while listing " + prefix);
			}
			return version;
		});
	}

	@Override
	public String startMultipartUpload(String key, String contentType) {
		return this.delegate.startMultipartUpload(key, contentType);
	}

	@Override
	public String uploadPart(String key, String uploadId, int partNumber, InputStream content, long length) {
		return this.delegate.uploadPart(key, uploadId, partNumber, content, length);
	}

	@Override
	public StoredObject completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
		return this.delegate.completeMultipartUpload(key, uploadId, parts);
	}

	@Override
	public void abortMultipartUpload(String key, String uploadId) {
		this.delegate.abortMultipartUpload(key, uploadId);
	}

	@Override
	public Stream<MultipartUpload> listMultipartUploads(String prefix) {
		this.uploadListings.add(prefix);
		return this.delegate.listMultipartUploads(prefix);
	}

	/** A crash of the worker in the middle of a store call. */
	public static class SimulatedCrash extends Error {

		SimulatedCrash(String message) {
			super(message);
		}

	}

	private record Hold(String prefix, String threadNamePrefix, CountDownLatch released) {
	}

	private record Fault(AtomicInteger calls, int passFirst, int times, boolean retryable) {

		void strike(String prefix) {
			int call = this.calls.incrementAndGet();
			if (call <= this.passFirst) {
				return;
			}
			int strikes = call - this.passFirst;
			if (this.times >= 0 && strikes > this.times) {
				return;
			}
			throw new ObjectStoreException("Injected " + (this.retryable ? "transient" : "permanent")
					+ " failure: AccessDenied deleting under " + prefix, this.retryable);
		}

	}

}
