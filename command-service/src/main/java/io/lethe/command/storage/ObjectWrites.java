package io.lethe.command.storage;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.object.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an object and the catalog row that owns it so that neither is left without the
 * other. An intent to write the key is committed first; the object is stored; then one
 * transaction commits the row and clears the intent. If that transaction fails, the
 * object is deleted again; if even that fails (or the process dies in between), the
 * intent stays as the record of an orphan for the purge and reconciler to remove.
 */
@Component
public class ObjectWrites {

	private static final Logger log = LoggerFactory.getLogger(ObjectWrites.class);

	private final ObjectStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ObjectWrites(ObjectStore store, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores {@code content} under {@code key}, then runs {@code commit} in a transaction
	 * that also clears the intent.
	 */
	public <T> T write(UUID org, String key, InputStream content, long length, String contentType,
			Function<StoredObject, T> commit) {
		this.transactions.executeWithoutResult((status) -> recordIntent(org, key));
		StoredObject stored;
		try {
			stored = this.store.put(key, content, length, contentType);
		}
		catch (RuntimeException ex) {
			forgetIntent(key);
			throw ex;
		}
		try {
			return this.transactions.execute((status) -> {
				T result = commit.apply(stored);
				this.jdbc.sql("delete from catalog.object_intents where object_key = :key").param("key", key).update();
				return result;
			});
		}
		catch (RuntimeException ex) {
			undo(stored);
			throw ex;
		}
	}

	/** Records, in the caller's transaction, that {@code key} is about to be written. */
	public void recordIntent(UUID org, String key) {
		this.jdbc
			.sql("insert into catalog.object_intents (object_key, org_id, created_at) values (:key, :org, :at) "
					+ "on conflict (object_key) do nothing")
			.param("key", key)
			.param("org", org)
			.param("at", java.sql.Timestamp.from(now()))
			.update();
	}

	private void undo(StoredObject stored) {
		try {
			this.store.deleteVersions(List.of(new ObjectVersion(stored.key(), stored.versionId(), false, 0, null)));
			forgetIntent(stored.key());
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove {} after its catalog row failed; its intent stays for the purge", stored.key(),
					ex);
		}
	}

	private void forgetIntent(String key) {
		this.transactions.executeWithoutResult(
				(status) -> this.jdbc.sql("delete from catalog.object_intents where object_key = :key")
					.param("key", key)
					.update());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
