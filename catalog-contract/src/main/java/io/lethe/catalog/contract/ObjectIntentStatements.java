package io.lethe.catalog.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's object intents ({@code catalog.object_intents}: a write about to land an
 * object under a key), as purges and the reconciler read and remove them. An intent
 * younger than a purge's in-flight window, or than the reconciler's cutoff, is a write
 * that may still land, so it stays.
 */
public class ObjectIntentStatements {

	private final JdbcClient jdbc;

	public ObjectIntentStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code size} keys after {@code after}, in key order, of intents under the
	 * job's prefixes older than the window.
	 */
	public List<String> oldUnderJob(UUID job, Duration window, String after, int size) {
		return this.jdbc.sql("""
				select oi.object_key from catalog.object_intents oi
				where oi.object_key > :after and oi.created_at <= now() - :window * interval '1 millisecond'
				  and exists (select 1 from purge.job_prefixes p
				              where p.job_id = :job and starts_with(oi.object_key, p.prefix))
				order by oi.object_key limit :size
				""")
			.param("after", (after != null) ? after : "")
			.param("window", window.toMillis())
			.param("job", job)
			.param("size", size)
			.query(String.class)
			.list();
	}

	/** How many intents under the job's prefixes are older than the window. */
	public long oldUnderJobCount(UUID job, Duration window) {
		return this.jdbc.sql("""
				select count(*) from catalog.object_intents oi
				where oi.created_at <= now() - :window * interval '1 millisecond'
				  and exists (select 1 from purge.job_prefixes p
				              where p.job_id = :job and starts_with(oi.object_key, p.prefix))
				""").param("window", window.toMillis()).param("job", job).query(Long.class).single();
	}

	/** How many intents under the job's prefixes are younger than the window. */
	public long freshUnderJobCount(UUID job, Duration window) {
		return this.jdbc.sql("""
				select count(*) from catalog.object_intents oi
				where oi.created_at > now() - :window * interval '1 millisecond'
				  and exists (select 1 from purge.job_prefixes p
				              where p.job_id = :job and starts_with(oi.object_key, p.prefix))
				""").param("window", window.toMillis()).param("job", job).query(Long.class).single();
	}

	/** Deletes the intents of the keys, whatever their age. */
	public int delete(String[] keys) {
		return this.jdbc.sql("delete from catalog.object_intents where object_key = any(?)").param(keys).update();
	}

	/** The keys that have an intent, and since when. */
	public Map<String, Instant> createdAt(String[] keys) {
		Map<String, Instant> intents = new HashMap<>();
		this.jdbc.sql("select object_key, created_at from catalog.object_intents where object_key = any(?)")
			.param(keys)
			.query((rs) -> {
				intents.put(rs.getString("object_key"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
			});
		return intents;
	}

	/**
	 * Up to {@code limit} keys after {@code after}, in key order, of intents under the
	 * prefix created before the cutoff.
	 */
	public List<String> olderThan(String prefix, Instant cutoff, String after, int limit) {
		return this.jdbc.sql("""
				select object_key from catalog.object_intents
				where object_key > ? and starts_with(object_key, ?) and created_at < ?
				order by object_key limit ?
				""").params(after, prefix, timestamp(cutoff), limit).query(String.class).list();
	}

	/** Deletes the key's intent if it was created before the cutoff. */
	public int forget(String key, Instant cutoff) {
		return this.jdbc.sql("delete from catalog.object_intents where object_key = ? and created_at < ?")
			.params(key, timestamp(cutoff))
			.update();
	}

	/** Deletes the keys' intents that were created before the cutoff. */
	public int forget(String[] keys, Instant cutoff) {
		return this.jdbc.sql("delete from catalog.object_intents where object_key = any(?) and created_at < ?")
			.params(keys, timestamp(cutoff))
			.update();
	}

	/** An instant as the PostgreSQL driver takes it ({@code timestamptz}). */
	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
