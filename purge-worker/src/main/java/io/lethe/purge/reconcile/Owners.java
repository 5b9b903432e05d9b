package io.lethe.purge.reconcile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Asks the catalog, one query per kind of owner for a whole chunk of keys, which owners
 * still exist and which keys have an object intent. Any row counts as an owner, whatever
 * its status: a row that is deleted but not yet purged belongs to the purge engine, and
 * the reconciler never races it. Only a dataset's tombstone ({@code purged}) owns
 * nothing.
 */
@Repository
class Owners {

	private final JdbcClient jdbc;

	Owners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Live lookUp(Collection<KeyOwner> owners, Collection<String> keys) {
		Set<UUID> live = new HashSet<>();
		live.addAll(existing("select id from catalog.assets where id = any(?)", owners, KeyOwner.Type.ASSET));
		live.addAll(existing("select id from catalog.items where id = any(?)", owners, KeyOwner.Type.ITEM));
		live.addAll(existing("select id from catalog.datasets where id = any(?) and status <> 'purged'", owners,
				KeyOwner.Type.DATASET));
		Map<String, Instant> intents = new HashMap<>();
		if (!keys.isEmpty()) {
			this.jdbc.sql("select object_key, created_at from catalog.object_intents where object_key = any(?)")
				.param(keys.toArray(String[]::new))
				.query((rs) -> {
					intents.put(rs.getString("object_key"),
							rs.getObject("created_at", OffsetDateTime.class).toInstant());
				});
		}
		return new Live(live, intents);
	}

	private List<UUID> existing(String select, Collection<KeyOwner> owners, KeyOwner.Type type) {
		UUID[] ids = owners.stream().filter((owner) -> owner.type() == type).map(KeyOwner::id).toArray(UUID[]::new);
		if (ids.length == 0) {
			return List.of();
		}
		return this.jdbc.sql(select).param(ids).query(UUID.class).list();
	}

	/**
	 * The owners of a chunk that exist, and its keys that have an intent (and since
	 * when).
	 */
	record Live(Set<UUID> owners, Map<String, Instant> intents) {

		boolean owns(KeyOwner owner) {
			return this.owners.contains(owner.id());
		}

	}

}
