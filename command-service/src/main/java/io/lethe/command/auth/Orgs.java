package io.lethe.command.auth;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants. */
@Repository
public class Orgs {

	private final JdbcClient jdbc;

	Orgs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID create(String name) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into catalog.orgs (id, name) values (:id, :name)")
			.param("id", id)
			.param("name", name)
			.update();
		return id;
	}

	public Optional<UUID> findIdByName(String name) {
		return this.jdbc.sql("select id from catalog.orgs where name = :name")
			.param("name", name)
			.query(UUID.class)
			.optional();
	}

}
