package io.lethe.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import io.lethe.system.Findings.Answer;
import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.Lifecycle.State;
import io.lethe.testkit.Api;

/**
 * The dataset lifecycle requests of the concurrency suite's clients and its operator:
 * deletes with and without grace, restores, legal holds and releases, purge-now, and real
 * reconciler runs. Lifecycle requests of one dataset are made one at a time, so that its
 * history is known for certain; everything else races them.
 */
final class LifecycleOperations {

	private final Api api;

	private final String key;

	private final String operator;

	private final UsageModel model;

	private final Findings findings;

	private final List<UUID> reconcileRuns = new CopyOnWriteArrayList<>();

	private final AtomicLong lastReconcile = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(10));

	LifecycleOperations(Api api, String key, String operator, UsageModel model) {
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
		if (now - last < TimeUnit.SECONDS.toNanos(15) || !this.lastReconcile.compareAndSet(last, now)) {
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

	/**
	 * One lifecycle request on a dataset that {@code eligible} accepts and no other
	 * client is changing; a 2xx answer records the state {@code after} says it left.
	 */
	private void lifecycle(Random random, Predicate<State> eligible, String operation,
			Function<Dataset, Api.Response> request, After after) {
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
