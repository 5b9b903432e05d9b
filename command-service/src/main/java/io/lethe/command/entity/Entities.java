package io.lethe.command.entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entities and their associations with assets, scoped to an org. */
@Repository
class Entities {

	private static final String COLUMNS = "e.id, e.org_id, e.name, e.description, e.created_at, e.created_by";

	private final JdbcClient jdbc;

	Entities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Entity e) {
		this.jdbc
			.sql("insert into catalog.entities (id, org_id, name, description, created_at, created_by) "
					+ "values (:id, :org, :name, :description, :at, :by)")
			.param("id", e.id())
			.param("org", e.orgId())
			.param("name", e.name())
			.param("description", e.description())
			.param("at", Timestamp.from(e.createdAt()))
			.param("by", e.createdBy())
			.update();
	}

	Optional<Entity> find(UUID org, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.entities e where e.id = :id and e.org_id = :org")
			.param("id", id)
			.param("org", org)
			.query(Entities::map)
			.optional();
	}

	List<Entity> page(UUID org, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.entities e where e.org_id = :org "
					+ "order by e.created_at desc, e.id desc limit :limit offset :offset")
			.param("org", org)
			.param("limit", limit)
			.param("offset", offset)
			.query(Entities::map)
			.list();
	}

	long count(UUID org) {
		return this.jdbc.sql("select count(*) from catalog.entities where org_id = :org")
			.param("org", org)
			.query(Long.class)
			.single();
	}

	void link(UUID org, UUID entity, UUID asset, Instant at) {
		this.jdbc
			.sql("insert into catalog.entity_assets (entity_id, asset_id, org_id, created_at) "
					+ "values (:entity, :asset, :org, :at) on conflict do nothing")
			.param("entity", entity)
			.param("asset", asset)
			.param("org", org)
			.param("at", Timestamp.from(at))
			.update();
	}

	int unlink(UUID org, UUID entity, UUID asset) {
		return this.jdbc
			.sql("delete from catalog.entity_assets where entity_id = :entity and asset_id = :asset and org_id = :org")
			.param("entity", entity)
			.param("asset", asset)
			.param("org", org)
			.update();
	}

	int unlinkAll(UUID org, UUID asset) {
		return this.jdbc.sql("delete from catalog.entity_assets where asset_id = :asset and org_id = :org")
			.param("asset", asset)
			.param("org", org)
			.update();
	}

	List<UUID> assetsOf(UUID org, UUID entity) {
		return this.jdbc
			.sql("select asset_id from catalog.entity_assets where entity_id = :entity and org_id = :org "
					+ "order by created_at, asset_id")
			.param("entity", entity)
			.param("org", org)
			.query(UUID.class)
			.list();
	}

	List<Entity> ofAsset(UUID org, UUID asset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.entities e join catalog.entity_assets l on l.entity_id = e.id "
					+ "where l.asset_id = :asset and l.org_id = :org order by e.name, e.id")
			.param("asset", asset)
			.param("org", org)
			.query(Entities::map)
			.list();
	}

	static Entity map(ResultSet rs, int row) throws SQLException {
		return new Entity(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("name"),
				rs.getString("description"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getString("created_by"));
	}

}
