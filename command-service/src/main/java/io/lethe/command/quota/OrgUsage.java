package io.lethe.command.quota;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an org has that its quotas count, and the limits set for it in
 * {@code catalog.org_quotas}. Each read is its own statement, so that under READ
 * COMMITTED it sees what committed before it began: after {@link #lock}, everything the
 * previous holder of the lock wrote.
 */
@Repository
class OrgUsage {

	/** The limits an org's row overrides; null where the default applies. */
	record Overrides(Long assets, Long bytes, Long uploadsInProgress, Long shareLinks) {

		static final Overrides NONE = new Overrides(null, null, null, null);

	}

	/** An org's live assets and their stored bytes. */
	record Assets(long count, long bytes) {
	}

	private final JdbcClient jdbc;

	OrgUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the org's row until the transaction ends. {@code for no key update}: it
	 * serializes the org's quota checks, yet does not block the key-share locks that
	 * inserts referencing the org take.
	 * @return false when there is no such org
	 */
	boolean lock(UUID org) {
		return this.jdbc.sql("select id from catalog.orgs where id = :org for no key update")
			.param("org", org)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	Overrides overrides(UUID org) {
		Optional<Overrides> row = this.jdbc
			.sql("select assets, bytes, uploads_in_progress, share_links from catalog.org_quotas where org_id = :org")
			.param("org", org)
			.query((rs, n) -> new Overrides(rs.getObject("assets", Long.class), rs.getObject("bytes", Long.class),
					rs.getObject("uploads_in_progress", Long.class), rs.getObject("share_links", Long.class)))
			.optional();
		return row.orElse(Overrides.NONE);
	}

	/**
	 * Every asset not deleted counts, {@code uploading} ones too (with the bytes of none
	 * until their upload completes).
	 */
	Assets assets(UUID org) {
		return this.jdbc
			.sql("select count(*) as n, coalesce(sum(size_bytes), 0) as bytes from catalog.assets "
					+ "where org_id = :org and status <> 'deleted'")
			.param("org", org)
			.query((rs, n) -> new Assets(rs.getLong("n"), rs.getLong("bytes")))
			.single();
	}

	/** Multipart uploads under way: an upload whose asset was deleted is over. */
	long uploadsInProgress(UUID org) {
		return this.jdbc
			.sql("select count(*) from catalog.asset_uploads u join catalog.assets a on a.id = u.asset_id "
					+ "where u.org_id = :org and a.status = 'uploading'")
			.param("org", org)
			.query(Long.class)
			.single();
	}

	long openShareLinks(UUID org, Instant now) {
		return this.jdbc
			.sql("select count(*) from catalog.share_links where org_id = :org and revoked_at is null "
					+ "and (expires_at is null or expires_at > :now)")
			.param("org", org)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

}
