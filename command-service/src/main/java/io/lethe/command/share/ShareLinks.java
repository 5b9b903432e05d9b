package io.lethe.command.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.writes.DeferredWrites;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Share links of datasets, as stored: the SHA-256 of the token, never the token, so that
 * a copy of the catalog opens nothing.
 */
@Repository
class ShareLinks {

	/** A stored link; what every read returns, the token's digest left out. */
	record ShareLink(UUID id, UUID orgId, UUID datasetId, Instant createdAt, String createdBy, Instant expiresAt,
			Instant revokedAt) {

		/**
		 * Whether the link opens at {@code now}; a link stored without an expiry never
		 * expires.
		 */
		boolean opens(Instant now) {
			return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
		}

	}

	private static final String COLUMNS = "id, org_id, dataset_id, created_at, created_by, expires_at, revoked_at";

	private final JdbcClient jdbc;

	private final DeferredWrites writes;

	ShareLinks(JdbcClient jdbc, DeferredWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	void insert(ShareLink link, String tokenSha256) {
		this.jdbc
			.sql("insert into catalog.share_links (id, org_id, dataset_id, token_sha256, created_at, created_by, "
					+ "expires_at) values (:id, :org, :dataset, :digest, :created, :by, :expires)")
			.param("id", link.id())
			.param("org", link.orgId())
			.param("dataset", link.datasetId())
			.param("digest", tokenSha256)
			.param("created", Timestamp.from(link.createdAt()))
			.param("by", link.createdBy())
			.param("expires", Timestamp.from(link.expiresAt()))
			.update();
	}

	Optional<ShareLink> findByTokenSha256(String tokenSha256) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.share_links where token_sha256 = :digest")
			.param("digest", tokenSha256)
			.query(ShareLinks::link)
			.optional();
	}

	/** A link of the org's dataset, locked until the transaction ends. */
	Optional<ShareLink> lock(UUID org, UUID dataset, UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.share_links where id = :id and org_id = :org "
					+ "and dataset_id = :dataset for update")
			.param("id", id)
			.param("org", org)
			.param("dataset", dataset)
			.query(ShareLinks::link)
			.optional();
	}

	/** A page of the dataset's links, newest first. */
	List<ShareLink> page(UUID org, UUID dataset, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.share_links where org_id = :org and dataset_id = :dataset "
					+ "order by created_at desc, id limit :limit offset :offset")
			.param("org", org)
			.param("dataset", dataset)
			.param("limit", limit)
			.param("offset", offset)
			.query(ShareLinks::link)
			.list();
	}

	long count(UUID org, UUID dataset) {
		return this.jdbc.sql("select count(*) from catalog.share_links where org_id = :org and dataset_id = :dataset")
			.param("org", org)
			.param("dataset", dataset)
			.query(Long.class)
			.single();
	}

	void revoke(UUID id, Instant at) {
		this.jdbc.sql("update catalog.share_links set revoked_at = :at where id = :id and revoked_at is null")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Revokes every open link of the dataset as the calling transaction commits. */
	void revokeAllAtCommit(UUID dataset, Instant at) {
		this.writes.add("update catalog.share_links set revoked_at = ? where dataset_id = ? and revoked_at is null",
				Timestamp.from(at), dataset);
	}

	private static ShareLink link(ResultSet rs, int row) throws SQLException {
		return new ShareLink(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getObject("dataset_id", UUID.class), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
