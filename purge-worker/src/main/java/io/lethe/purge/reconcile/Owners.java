package io.lethe.purge.reconcile;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.lethe.catalog.contract.ObjectIntentStatements;
import io.lethe.catalog.contract.ReconcilerStatements;

import org.springframework.stereotype.Repository;

/**
 * Asks the catalog, one query per kind of owner for a whole chunk of keys, which owners
 * still exist and which keys have an object intent. Any row counts as an owner, whatever
 * its status: a row that is deleted but not yet purged belongs to the purge engine, and
 * the reconciler never races it. Only a dataset's tombstone ({@code purged}) owns
 * nothing. It also asks which keys a legal hold protects: a hold keeps everything its
 * dataset holds or references as it is, extra versions and orphans included, for the
 * courts to see.
 */
@Repository
class Owners {

	private final ReconcilerStatements catalog;

	private final ObjectIntentStatements intents;

	Owners(ReconcilerStatements catalog, ObjectIntentStatements intents) {
		this.catalog = catalog;
		this.intents = intents;
	}

	Live lookUp(Collection<KeyOwner> owners, Collection<String> keys) {
		Set<UUID> live = new HashSet<>();
		live.addAll(existing(this.catalog::existingAssets, owners, KeyOwner.Type.ASSET));
		live.addAll(existing(this.catalog::existingItems, owners, KeyOwner.Type.ITEM));
		live.addAll(existing(this.catalog::unpurgedDatasets, owners, KeyOwner.Type.DATASET));
		Map<String, Instant> intents = keys.isEmpty() ? new HashMap<>()
				: this.intents.createdAt(keys.toArray(String[]::new));
		return new Live(live, intents, held(owners, keys));
	}

	/**
	 * The held datasets whose prefixes the keys are under, and the assets of the keys
	 * that a held dataset owns or one of its live items uses (the asset's row may be
	 * gone: the item still names it).
	 */
	private Set<UUID> held(Collection<KeyOwner> owners, Collection<String> keys) {
		Set<UUID> held = new HashSet<>();
		UUID[] datasets = keys.stream()
			.map(KeyOwner::datasetOf)
			.flatMap(Optional::stream)
			.distinct()
			.toArray(UUID[]::new);
		if (datasets.length > 0) {
			held.addAll(this.catalog.heldDatasets(datasets));
		}
		UUID[] assets = owners.stream()
			.filter((owner) -> owner.type() == KeyOwner.Type.ASSET)
			.map(KeyOwner::id)
			.toArray(UUID[]::new);
		if (assets.length > 0) {
			held.addAll(this.catalog.heldAssets(assets));
		}
		return held;
	}

	private List<UUID> existing(Function<UUID[], List<UUID>> select, Collection<KeyOwner> owners, KeyOwner.Type type) {
		UUID[] ids = owners.stream().filter((owner) -> owner.type() == type).map(KeyOwner::id).toArray(UUID[]::new);
		if (ids.length == 0) {
			return List.of();
		}
		return select.apply(ids);
	}

	/**
	 * The owners of a chunk that exist, and its keys that have an intent (and since
	 * when).
	 */
	record Live(Set<UUID> owners, Map<String, Instant> intents, Set<UUID> held) {

		boolean owns(KeyOwner owner) {
			return this.owners.contains(owner.id());
		}

		/** Whether a legal hold protects the key. */
		boolean held(String key, KeyOwner owner) {
			if (owner.type() == KeyOwner.Type.ASSET) {
				return this.held.contains(owner.id());
			}
			return KeyOwner.datasetOf(key).map(this.held::contains).orElse(false);
		}

	}

}
