package io.lethe.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.Lifecycle.State;

/**
 * The concurrency suite's own account of what its clients were told: datasets with the
 * history of their deletes, restores and holds, assets with the bytes uploaded, items and
 * whether a vector was put, and which successful request deleted what. Only answers
 * change it, so it says what the system promised; the invariant check compares the stores
 * with it. An answer that never came makes what it touched uncertain, and uncertain
 * things are left out of every check rather than guessed at.
 */
final class UsageModel {

	/** A deletion sequence number that never happened. */
	static final long NEVER = Long.MAX_VALUE;

	final Findings findings;

	final UUID org;

	private final List<Dataset> datasets = new ArrayList<>();

	private final List<Asset> assets = new ArrayList<>();

	private final List<Item> items = new ArrayList<>();

	private final Map<UUID, Item> itemsById = new ConcurrentHashMap<>();

	private final List<Runnable> laterChecks = new ArrayList<>();

	UsageModel(Findings findings, UUID org) {
		this.findings = findings;
		this.org = org;
	}

	synchronized Dataset addDataset(UUID id, boolean storePreview) {
		Dataset dataset = new Dataset(id, storePreview);
		this.datasets.add(dataset);
		return dataset;
	}

	synchronized Asset addAsset(UUID id, String sha256, Dataset owner, boolean multipart) {
		Asset asset = new Asset(id, sha256, owner, multipart);
		this.assets.add(asset);
		return asset;
	}

	synchronized Item addItem(UUID id, Dataset dataset, Asset asset, long createdEnd) {
		Item item = new Item(id, dataset, asset, createdEnd);
		this.items.add(item);
		this.itemsById.put(id, item);
		return item;
	}

	Item item(UUID id) {
		return this.itemsById.get(id);
	}

	synchronized List<Dataset> datasets() {
		return List.copyOf(this.datasets);
	}

	synchronized List<Asset> assets() {
		return List.copyOf(this.assets);
	}

	synchronized List<Item> items() {
		return List.copyOf(this.items);
	}

	synchronized List<Item> itemsOf(Dataset dataset) {
		return this.items.stream().filter((i) -> i.dataset == dataset).toList();
	}

	synchronized List<Item> itemsUsing(Asset asset) {
		return this.items.stream().filter((i) -> i.asset == asset).toList();
	}

	synchronized long activeDatasets() {
		return this.datasets.stream().filter((d) -> d.last().active()).count();
	}

	/** A dataset whose last known state {@code test} accepts, or null. */
	Dataset pickDataset(Random random, Predicate<State> test) {
		return pick(datasets().stream().filter((d) -> test.test(d.last())).toList(), random);
	}

	/** A dataset, most often an active one. */
	Dataset pickMostlyActive(Random random) {
		return (random.nextInt(5) == 0) ? pick(datasets(), random) : pickDataset(random, State::active);
	}

	/** An item, most often one of an active dataset and not deleted. */
	Item pickItem(Random random) {
		List<Item> all = items();
		List<Item> live = all.stream().filter((i) -> i.deletedStart == NEVER && i.dataset.last().active()).toList();
		return pick((random.nextInt(5) == 0 || live.isEmpty()) ? all : live, random);
	}

	/** An asset, most often one not deleted yet. */
	Asset pickAsset(Random random) {
		List<Asset> all = assets();
		List<Asset> live = all.stream().filter((a) -> a.deletedStart == NEVER).toList();
		return pick((random.nextInt(10) == 0 || live.isEmpty()) ? all : live, random);
	}

	/**
	 * A deleted asset whose purge a legal hold may rightly keep waiting: its owner, or a
	 * dataset with an item that uses it, was held at some time since it was deleted.
	 */
	boolean heldBack(Asset asset) {
		return (asset.owner != null && asset.owner.heldSince(asset.deletedStart))
				|| itemsUsing(asset).stream().anyMatch((i) -> i.dataset.heldSince(asset.deletedStart));
	}

	/**
	 * A deleted item whose purge a legal hold may rightly keep waiting (a held dataset's
	 * deleted samples wait for the release, and then for the worker's recheck): its
	 * dataset was held at some time since, or it went with a source that is held back.
	 */
	boolean heldBack(Item item) {
		return item.dataset.heldSince(item.deletedStart)
				|| (item.asset.deletedStart == item.deletedStart && heldBack(item.asset));
	}

	synchronized <T> T pick(List<T> from, Random random) {
		return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
	}

	/**
	 * A check that needs every answer of the run (whether an item was still live while a
	 * delete ran depends on answers that may arrive later); run after the clients
	 * stopped.
	 */
	synchronized void later(Runnable check) {
		this.laterChecks.add(check);
	}

	void runLaterChecks() {
		List<Runnable> checks;
		synchronized (this) {
			checks = List.copyOf(this.laterChecks);
		}
		checks.forEach(Runnable::run);
	}

	/** An asset and the SHA-256 (hex) of the bytes its client uploaded. */
	static final class Asset {

		final UUID id;

		final String sha256;

		final Dataset owner;

		final boolean multipart;

		volatile long deletedStart = NEVER;

		volatile long deletedEnd = NEVER;

		volatile String deletedBy;

		volatile boolean uncertain;

		Asset(UUID id, String sha256, Dataset owner, boolean multipart) {
			this.id = id;
			this.sha256 = sha256;
			this.owner = owner;
			this.multipart = multipart;
		}

		synchronized void deleted(Findings.Answer answer, String by) {
			if (this.deletedStart == NEVER) {
				this.deletedStart = answer.start();
				this.deletedEnd = answer.end();
				this.deletedBy = by;
			}
		}

		@Override
		public String toString() {
			return "asset " + this.id;
		}

	}

	/** An item as created; deleted once a successful answer said so. */
	static final class Item {

		final UUID id;

		final Dataset dataset;

		final Asset asset;

		final long createdEnd;

		volatile boolean vector;

		volatile long deletedStart = NEVER;

		volatile String deletedBy;

		volatile boolean uncertain;

		Item(UUID id, Dataset dataset, Asset asset, long createdEnd) {
			this.id = id;
			this.dataset = dataset;
			this.asset = asset;
			this.createdEnd = createdEnd;
		}

		synchronized void deleted(Findings.Answer answer, String by) {
			if (this.deletedStart == NEVER) {
				this.deletedStart = answer.start();
				this.deletedBy = by;
			}
		}

		/**
		 * Live for certain during {@code [start, end]}: created before, and not deleted
		 * by any request that began before {@code end}.
		 */
		boolean liveThroughout(long start, long end) {
			return !this.uncertain && this.createdEnd < start && this.deletedStart > end;
		}

		@Override
		public String toString() {
			return "item " + this.id + " of " + this.dataset;
		}

	}

}
