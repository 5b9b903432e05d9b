package io.lethe.command.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys as stored: an id, the org, the role and the hash of the secret, never the
 * secret.
 */
@Repository
class ApiKeys {

	record StoredKey(UUID id, UUID orgId, Role role, UUID consumerId, byte[] secretHash, Instant revokedAt) {
	}

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID orgId, String name, Role role, UUID consumerId, byte[] secretHash) {
		this.jdbc
			.sql("insert into catalog.api_keys (id, org_id, name, role, consumer_id, secret_hash) "
					+ "values (:id, :org, :name, :role, :consumer, :hash)")
			.param("id", id)
			.param("org", orgId)
			.param("name", name)
			.param("role", role.value())
			.param("consumer", consumerId)
			.param("hash", secretHash)
			.update();
	}

	Optional<StoredKey> findById(UUID id) {
		return this.jdbc
			.sql("select id, org_id, role, consumer_id, secret_hash, revoked_at from catalog.api_keys where id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredKey(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
					Role.of(rs.getString("role")), rs.getObject("consumer_id", UUID.class), rs.getBytes("secret_hash"),
					rs.getObject("revoked_at", java.time.OffsetDateTime.class) == null ? null
							: rs.getObject("revoked_at", java.time.OffsetDateTime.class).toInstant()))
			.optional();
	}

	void revoke(UUID id) {
		this.jdbc.sql("update catalog.api_keys set revoked_at = now() where id = :id and revoked_at is null")
			.param("id", id)
			.update();
	}

}
