package io.lethe.purge.engine.store;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VersionBatchesTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong deleted = new AtomicLong();

	private final StoreRetry retry = new StoreRetry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 2.0),
			() -> {
			});

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void eachBatchGoesOutWholeInOneRequest() {
		try (VersionBatches batches = batches(store(new CountDownLatch(0)))) {
			versions(0, 1500).forEach(batches::add);
			batches.drain();
		}

		assertThat(this.requests).extracting(List::size).containsExactlyInAnyOrder(1000, 500);
		assertThat(this.requests.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(keys(0, 1500));
		assertThat(this.deleted).hasValue(1500);
	}

	@Test
	void aListerWaitsWhileEverySlotIsBusyAndGoesOnWhenOneFrees() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (VersionBatches batches = batches(store(release))) {
			Thread lister = new Thread(() -> versions(0, 5000).forEach(batches::add));
			lister.start();
			// four batches fill the four slots; the fifth waits for one
			while (lister.getState() != Thread.State.WAITING) {
				Thread.onSpinWait();
			}
			assertThat(this.requests).isEmpty();
			release.countDown();
			lister.join(TimeUnit.SECONDS.toMillis(10));
			batches.drain();
		}

		assertThat(this.requests).hasSize(5).allSatisfy((request) -> assertThat(request).hasSize(1000));
		assertThat(this.deleted).hasValue(5000);
	}

	@Test
	void theLastListingToEndSendsTheBatchItLeavesAtOnce() {
		try (VersionBatches batches = batches(store(new CountDownLatch(0)))) {
			batches.listingAdded();
			versions(0, 100).forEach(batches::add);
			batches.listingEnded();
			// out without a drain: nothing else would fill it
			await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.size() == 1);
			batches.drain();
		}

		assertThat(this.requests).extracting(List::size).containsExactly(100);
		assertThat(this.deleted).hasValue(100);
	}

	@Test
	void aListingThatEndsBesideAnotherSendsItsBatchOnlyWhenItIsAtLeastHalfFull() {
		try (VersionBatches batches = batches(store(new CountDownLatch(0)))) {
			batches.listingAdded();
			batches.listingAdded();
			batches.listingAdded();
			versions(0, 300).forEach(batches::add);
			batches.listingEnded();
			// a smaller remainder waits to be packed with the other listings' versions
			versions(300, 800).forEach(batches::add);
			batches.listingEnded();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.size() == 1);
			versions(800, 900).forEach(batches::add);
			batches.listingEnded();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.size() == 2);
			batches.drain();
		}

		assertThat(this.requests).extracting(List::size).containsExactly(800, 100);
		assertThat(this.deleted).hasValue(900);
	}

	private VersionBatches batches(ObjectStore store) {
		return new VersionBatches(store, this.executor, 1000, 4, this.retry, this.deleted::addAndGet);
	}

	/** A store that records each DeleteObjects request once {@code release} is open. */
	private ObjectStore store(CountDownLatch release) {
		return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(),
				new Class<?>[] { ObjectStore.class }, (proxy, method, args) -> {
					if (!method.getName().equals("deleteVersions")) {
						throw new UnsupportedOperationException(method.getName());
					}
					release.await(10, TimeUnit.SECONDS);
					@SuppressWarnings("unchecked")
					List<ObjectVersion> batch = (List<ObjectVersion>) args[0];
					this.requests.add(batch.stream().map(ObjectVersion::key).toList());
					return batch.size();
				});
	}

	private static List<ObjectVersion> versions(int from, int to) {
		return keys(from, to).stream().map((key) -> new ObjectVersion(key, "v1", false, 1, Instant.EPOCH)).toList();
	}

	private static List<String> keys(int from, int to) {
		List<String> keys = new ArrayList<>();
		for (int i = from; i < to; i++) {
			keys.add("orgs/o/assets/a/" + i);
		}
		return keys;
	}

}
