package io.lethe.command.share;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Share links of datasets. */
@Repository
class ShareLinks {

	record ShareLink(UUID id, UUID orgId, UUID datasetId, String token, Instant createdAt, Instant expiresAt,
			Instant revokedAt) {
	}

	private final JdbcClient jdbc;

	ShareLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ShareLink link, String createdBy) {
		this.jdbc
			.sql("insert into catalog.share_links (id, org_id, dataset_id, token, created_at, created_by, expires_at) "
					+ "values (:id, :org, :dataset, :token, :created, :by, :expires)")
			.param("id", link.id())
			.param("org", link.orgId())
			.param("dataset", link.datasetId())
			.param("token", link.token())
			.param("created", Timestamp.from(link.createdAt()))
			.param("by", createdBy)
			.param("expires", Timestamp.from(link.expiresAt()))
			.update();
	}

	Optional<ShareLink> findByToken(String token) {
		return this.jdbc
			.sql("select id, org_id, dataset_id, token, created_at, expires_at, revoked_at from catalog.share_links "
					+ "where token = :token")
			.param("token", token)
			.query((rs, row) -> new ShareLink(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
					rs.getObject("dataset_id", UUID.class), rs.getString("token"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.optional();
	}

	/** The newest link of a dataset, revoked or not. */
	Optional<ShareLink> newest(UUID org, UUID dataset) {
		return this.jdbc
			.sql("select token from catalog.share_links where org_id = :org and dataset_id = :dataset "
					+ "order by created_at desc limit 1")
			.param("org", org)
			.param("dataset", dataset)
			.query(String.class)
			.optional()
			.flatMap(this::findByToken);
	}

	int revokeAll(UUID dataset, Instant at) {
		return this.jdbc
			.sql("update catalog.share_links set revoked_at = :at where dataset_id = :dataset and revoked_at is null")
			.param("dataset", dataset)
			.param("at", Timestamp.from(at))
			.update();
	}

}
