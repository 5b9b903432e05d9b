package io.lethe.purge.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.lethe.catalog.contract.ObjectIntentStatements;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;

import org.springframework.stereotype.Component;

/**
 * Finds object intents older than the safety cutoff whose key holds nothing: the write
 * failed, or its object was removed, and the intent was left behind. Intents whose key
 * still holds an object belong to the object scan (which removes the object first, then
 * the intent); those of an existing owner are left alone.
 */
@Component
class IntentScan {

	private static final int CHUNK = 500;

	private final ObjectIntentStatements intents;

	private final ObjectStore store;

	private final Owners owners;

	private final StoreRetry retry;

	IntentScan(ObjectIntentStatements intents, ObjectStore store, Owners owners, StoreRetry retry) {
		this.intents = intents;
		this.store = store;
		this.owners = owners;
		this.retry = retry;
	}

	void scan(ReconcileRun run) {
		String after = "";
		List<String> keys;
		while (!(keys = page(run, after)).isEmpty()) {
			Owners.Live live = this.owners.lookUp(keys.stream().map(KeyOwner::of).flatMap(Optional::stream).toList(),
					List.of());
			for (String key : keys) {
				run.report().scanned("intents", 1);
				boolean owned = KeyOwner.of(key).map(live::owns).orElse(false);
				if (owned || holdsAnything(key)) {
					continue;
				}
				run.report().found(Kind.STALE_INTENT, 0, key);
				if (!run.dryRun()) {
					int removed = this.intents.forget(key, run.cutoff());
					run.report().removed(Kind.STALE_INTENT, removed, 0);
				}
			}
			after = keys.get(keys.size() - 1);
			run.checkpoint();
		}
	}

	private List<String> page(ReconcileRun run, String after) {
		return this.intents.olderThan(run.prefix(), run.cutoff(), after, CHUNK);
	}

	private boolean holdsAnything(String key) {
		return this.retry.call("list versions of " + key, () -> {
			try (Stream<ObjectVersion> versions = this.store.listVersions(key)) {
				return versions.anyMatch((version) -> version.key().equals(key));
			}
		});
	}

}
