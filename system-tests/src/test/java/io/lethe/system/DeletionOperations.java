package io.lethe.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.lethe.system.Findings.Answer;
import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.Lifecycle.State;
import io.lethe.system.UsageModel.Asset;
import io.lethe.system.UsageModel.Item;
import io.lethe.testkit.Api;
import tools.jackson.databind.JsonNode;

/**
 * The deletes of the concurrency suite's clients, with the operator's holds, purge-now
 * and reconciler runs. Lifecycle requests of one dataset (delete, restore, hold, release,
 * purge-now) are made one at a time, so that its history is known; everything else races
 * them. Deletes the rules should have refused are noted once every answer of the run is
 * in.
 */
final class DeletionOperations {

	private final Api api;

	private final String key;

	private final String operator;

	private final UsageModel model;

	private final Findings findings;

	private final List<UUID> reconcileRuns = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final java.util.concurrent.atomic.AtomicLong lastReconcile = new java.util.concurrent.atomic.AtomicLong(
			System.nanoTime() - java.util.concurrent.TimeUnit.SECONDS.toNanos(10));

	DeletionOperations(Api api, String key, String operator, UsageModel model) {
		this.api = api;
		this.key = key;
		this.operator = operator;
		this.model = model;
		this.findings = model.findings;
	}

	void deleteDataset(Random random, String grace) {
		lifecycle(random, State::active, "delete-dataset-" + grace,
				(d) -> this.api.delete("/api/v1/datasets/" + d.id + "?grace=" + grace, this.key),
				(d, answer, before) -> {
					if (before.active()) {
						d.atDeletion = this.model.itemsOf(d)
							.stream()
							.filter((i) -> i.createdEnd < answer.start() && i.deletedStart == UsageModel.NEVER)
							.toList();
						d.deletedStart = answer.start();
					}
					Instant expires = Instant.parse(answer.response().json().get("expires_at").stringValue());
					return new State(false, before.held(), expires, before.heldSince());
				});
	}

	void restore(Random random) {
		lifecycle(random, (s) -> !s.active(), "restore",
				(d) -> this.api.post("/api/v1/datasets/" + d.id + "/restore", this.key, null), (d, answer, before) -> {
					d.restored = true;
					return new State(true, before.held(), null, before.heldSince());
				});
	}

	void placeHold(Random random) {
		lifecycle(random, (s) -> !s.held(), "hold", (d) -> this.api.send("PUT",
				"/api/v1/admin/datasets/" + d.id + "/legal-hold", this.operator, Map.of("reason", "concurrency suite")),
				(d, answer, before) -> {
					d.heldFrom = answer.end();
					return new State(before.active(), true, before.expiresAt(), answer.answeredAt());
				});
	}

	void releaseHold(Random random) {
		lifecycle(random, State::held, "release",
				(d) -> this.api.delete("/api/v1/admin/datasets/" + d.id + "/legal-hold", this.operator),
				(d, answer, before) -> {
					d.heldFrom = UsageModel.NEVER;
					return new State(before.active(), false, before.expiresAt(), null);
				});
	}

	void purgeNow(Random random) {
		lifecycle(random, (s) -> !s.active(), "purge-now",
				(d) -> this.api.post("/api/v1/admin/datasets/" + d.id + "/purge", this.operator,
						Map.of("reason", "concurrency suite")),
				(d, answer, before) -> new State(false, before.held(), answer.answeredAt(), before.heldSince()));
	}

	/**
	 * A real reconciler run, at most one request every 15 seconds: runs go one at a time
	 * and the check waits for all of them.
	 */
	void reconcile() {
		long now = System.nanoTime();
		long last = this.lastReconcile.get();
		if (now - last < java.util.concurrent.TimeUnit.SECONDS.toNanos(15)
				|| !this.lastReconcile.compareAndSet(last, now)) {
			return;
		}
		Answer answer = this.findings.send("reconcile",
				() -> this.api.post("/api/v1/admin/reconcile?dry_run=false&org_id=" + this.model.org + "&safety_age="
						+ ConcurrentUseSystemTests.RECONCILE_SAFETY_AGE, this.operator, null));
		if (answer.status() == 202) {
			this.reconcileRuns.add(ContentOperations.id(answer, "run_id"));
		}
	}

	/** The reconciler runs asked for, which the check waits for. */
	List<UUID> reconcileRuns() {
		return List.copyOf(this.reconcileRuns);
	}

	void deleteAsset(Random random, boolean force, boolean cascade) {
		Asset asset = this.model.pickAsset(random);
		if (asset == null) {
			return;
		}
		String operation = "delete-asset" + (force ? "-force" : "") + (cascade ? "-cascade" : "");
		Answer answer = this.findings.send(operation, () -> this.api
			.delete("/api/v1/assets/" + asset.id + "?force=" + force + "&cascade=" + cascade, this.key));
		if (answer.unknown()) {
			asset.uncertain = true;
			this.model.itemsUsing(asset).forEach((i) -> i.uncertain = true);
		}
		if (!answer.ok()) {
			return;
		}
		asset.deleted(answer, operation);
		List<Item> reached = new ArrayList<>();
		for (JsonNode reference : answer.response().json().get("references")) {
			Item item = this.model.item(UUID.fromString(reference.get("item_id").stringValue()));
			if (item != null) {
				reached.add(item);
				if (cascade) {
					item.deleted(answer, operation);
				}
			}
		}
		this.model.later(() -> {
			String what = operation + " of " + asset + " answered " + answer.status();
			if (asset.owner != null && asset.owner.throughout(answer.start(), answer.end(), (s) -> !s.active())) {
				this.findings.violation("owner-dataset-not-active", what + " while its owner " + asset.owner
						+ " was deleted (its purge or restore decides the asset's fate)");
			}
			sourceStillNeeded(asset, answer, force, Set.of(), what);
			for (Item item : reached) {
				if (cascade && item.dataset.throughout(answer.start(), answer.end(), (s) -> !s.active())) {
					this.findings.violation("cascade", what + " reached " + item + " while its dataset was deleted");
				}
			}
		});
	}

	void deleteSamples(Random random, boolean deleteSource, boolean force) {
		Predicate<State> which = (random.nextInt(5) == 0) ? (s) -> true : State::active;
		Dataset dataset = this.model.pickDataset(random, which);
		if (dataset == null) {
			return;
		}
		List<Item> candidates = this.model.itemsOf(dataset)
			.stream()
			.filter((i) -> i.deletedStart == UsageModel.NEVER)
			.toList();
		List<Item> batch = new ArrayList<>();
		for (int n = 1 + random.nextInt(3); n > 0 && !candidates.isEmpty(); n--) {
			Item item = this.model.pick(candidates, random);
			if (!batch.contains(item)) {
				batch.add(item);
			}
		}
		if (batch.isEmpty()) {
			return;
		}
		String operation = "delete-samples" + (deleteSource ? "-source" : "") + (force ? "-force" : "");
		List<String> ids = batch.stream().map((i) -> i.id.toString()).toList();
		Answer answer = this.findings.send(operation,
				() -> this.api.post("/api/v1/datasets/" + dataset.id + "/samples/delete", this.key,
						Map.of("samples", ids, "delete_source", deleteSource, "force", force)));
		if (answer.unknown()) {
			batch.forEach((i) -> {
				i.uncertain = true;
				i.asset.uncertain = true;
			});
		}
		if (answer.status() != 200) {
			return;
		}
		JsonNode results = answer.response().json().get("results");
		List<Item> deleted = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (results.get(i).get("success").booleanValue()) {
				Item item = batch.get(i);
				item.deleted(answer, operation);
				deleted.add(item);
				if (deleteSource) {
					item.asset.deleted(answer, operation);
				}
			}
		}
		this.model.later(() -> {
			String what = operation + " in " + dataset + " answered 200";
			for (Item item : deleted) {
				if (dataset.throughout(answer.start(), answer.end(), State::held)) {
					this.findings.violation("legal-hold", what + " and deleted held " + item);
				}
				else if (dataset.throughout(answer.start(), answer.end(), (s) -> s.restorableAt(answer.answeredAt()))) {
					this.findings.violation("restorable", what + " and deleted " + item + " of a deleted dataset");
				}
				if (deleteSource) {
					sourceStillNeeded(item.asset, answer, force, Set.copyOf(deleted), what);
				}
			}
		});
	}

	/**
	 * A source deleted while an item outside the request needed it: a held dataset's
	 * (never), or without force a live or restorable dataset's.
	 */
	private void sourceStillNeeded(Asset asset, Answer answer, boolean force, Set<Item> alsoDeleted, String what) {
		for (Item user : this.model.itemsUsing(asset)) {
			if (alsoDeleted.contains(user) || !user.liveThroughout(answer.start(), answer.end())) {
				continue;
			}
			Dataset dataset = user.dataset;
			if (dataset.throughout(answer.start(), answer.end(), State::held)) {
				this.findings.violation("legal-hold", what + " and deleted " + asset + ", the source of held " + user);
			}
			else if (!force && dataset.throughout(answer.start(), answer.end(),
					(s) -> s.active() || s.restorableAt(answer.answeredAt()))) {
				this.findings.violation("asset-referenced",
						what + " without force and deleted " + asset + ", the source of " + user);
			}
		}
	}

	/**
	 * One lifecycle request on a dataset that {@code eligible} accepts and no other
	 * client is changing; a 2xx answer records the state {@code after} says it left.
	 */
	private void lifecycle(Random random, Predicate<State> eligible, String operation,
			java.util.function.Function<Dataset, Api.Response> request, After after) {
		Dataset dataset = this.model.pickDataset(random, eligible);
		if (dataset == null || !dataset.lifecycle.tryLock()) {
			return;
		}
		try {
			State before = dataset.last();
			Answer answer = this.findings.send(operation, () -> request.apply(dataset));
			if (answer.unknown()) {
				dataset.uncertain = true;
			}
			else if (answer.ok()) {
				dataset.changed(answer.start(), answer.end(), after.state(dataset, answer, before));
			}
		}
		finally {
			dataset.lifecycle.unlock();
		}
	}

	/** The state a successful lifecycle request left its dataset in. */
	@FunctionalInterface
	private interface After {

		State state(Dataset dataset, Answer answer, State before);

	}

}
