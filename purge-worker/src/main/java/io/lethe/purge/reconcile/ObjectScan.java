package io.lethe.purge.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import io.lethe.catalog.contract.ObjectIntentStatements;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.engine.store.VersionBatches;
import io.lethe.purge.reconcile.OrphanRules.Doomed;
import io.lethe.purge.reconcile.OrphanRules.Ownership;
import io.lethe.purge.reconcile.OrphanRules.Verdict;
import io.lethe.stores.object.ObjectInfo;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Walks every version and delete marker under the run's prefix as the listing streams
 * them, a chunk of keys at a time: the catalog is asked once per chunk which owners
 * exist, each key is judged by {@link OrphanRules}, and a real run deletes what may go in
 * DeleteObjects batches (several in flight) before it moves on. A key a legal hold
 * protects is kept whole, before any other rule is asked. Memory holds one chunk,
 * whatever the bucket's size. An uncommitted object's intent is removed only once its
 * versions are gone, so a failure in between leaves the intent to be found again.
 */
@Component
class ObjectScan {

	private final ObjectStore store;

	private final Owners owners;

	private final ObjectIntentStatements intents;

	private final StoreRetry retry;

	private final ExecutorService deletions;

	private final ReconcileProperties properties;

	ObjectScan(ObjectStore store, Owners owners, ObjectIntentStatements intents, StoreRetry retry,
			@Qualifier("objectDeletions") ExecutorService deletions, ReconcileProperties properties) {
		this.store = store;
		this.owners = owners;
		this.intents = intents;
		this.retry = retry;
		this.deletions = deletions;
		this.properties = properties;
	}

	void scan(ReconcileRun run) {
		try (Stream<ObjectVersion> listing = this.store.listVersions(run.prefix());
				VersionBatches batches = new VersionBatches(this.store, this.deletions, this.properties.objectBatch(),
						this.properties.objectsInFlight(), this.retry, (deleted) -> {
						})) {
			Iterator<KeyGroup> groups = KeyGroup.groups(listing.iterator());
			List<KeyGroup> chunk = new ArrayList<>(this.properties.keysPerChunk());
			while (groups.hasNext()) {
				chunk.add(groups.next());
				if (chunk.size() >= this.properties.keysPerChunk()) {
					judge(run, chunk, batches);
					chunk.clear();
				}
			}
			judge(run, chunk, batches);
		}
	}

	private void judge(ReconcileRun run, List<KeyGroup> chunk, VersionBatches batches) {
		if (chunk.isEmpty()) {
			return;
		}
		List<Optional<KeyOwner>> keyOwners = chunk.stream().map((group) -> KeyOwner.of(group.key())).toList();
		Owners.Live live = this.owners.lookUp(keyOwners.stream().flatMap(Optional::stream).toList(),
				chunk.stream().map(KeyGroup::key).toList());
		ReconcileReport report = run.report();
		List<Doomed> doomed = new ArrayList<>();
		List<String> intents = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			KeyGroup group = chunk.get(i);
			report.scanned("object_keys", 1);
			report.scanned("object_versions", group.entries().size());
			if (keyOwners.get(i).isPresent() && live.held(group.key(), keyOwners.get(i).get())) {
				report.kept(ReconcileReport.Kept.LEGAL_HOLD, group.entries().size(), group.bytes(), group.key());
				continue;
			}
			Ownership ownership = ownership(keyOwners.get(i), group.key(), live);
			Instant intent = live.intents().get(group.key());
			// an intent is a write about to happen: a fresh one protects its key as fresh
			// bytes would
			Verdict verdict = (ownership == Ownership.UNOWNED_WITH_INTENT && !run.old(intent))
					? Verdict.keep(ReconcileReport.Kept.YOUNG)
					: OrphanRules.judge(group, ownership, run.cutoff(), this::currentVersion);
			if (verdict.kept() != null) {
				report.kept(verdict.kept(), group.entries().size(), group.bytes(), group.key());
				continue;
			}
			for (Doomed entry : verdict.remove()) {
				report.found(entry.kind(), entry.version().size(), group.key());
				doomed.add(entry);
			}
			if (ownership == Ownership.UNOWNED_WITH_INTENT) {
				intents.add(group.key());
			}
		}
		if (!run.dryRun() && !doomed.isEmpty()) {
			doomed.forEach((entry) -> batches.add(entry.version()));
			batches.drain();
			doomed.forEach((entry) -> report.removed(entry.kind(), 1, entry.version().size()));
			forgetIntents(intents, run);
		}
		run.checkpoint();
	}

	private static Ownership ownership(Optional<KeyOwner> owner, String key, Owners.Live live) {
		if (owner.isEmpty()) {
			return Ownership.UNRECOGNISED;
		}
		if (live.owns(owner.get())) {
			return Ownership.LIVE;
		}
		return live.intents().containsKey(key) ? Ownership.UNOWNED_WITH_INTENT : Ownership.UNOWNED;
	}

	private Optional<String> currentVersion(String key) {
		return this.retry.call("head " + key, () -> this.store.head(key)).map(ObjectInfo::versionId);
	}

	private void forgetIntents(List<String> keys, ReconcileRun run) {
		if (!keys.isEmpty()) {
			this.retry.call("forget intents", () -> this.intents.forget(keys.toArray(String[]::new), run.cutoff()));
		}
	}

}
