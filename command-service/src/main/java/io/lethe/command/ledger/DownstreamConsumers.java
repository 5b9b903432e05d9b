package io.lethe.command.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered consumers ({@code catalog.downstream_consumers}). */
@Repository
class DownstreamConsumers {

	private static final String COLUMNS = "id, name, root_types, ack_deadline_seconds, required, created_at, "
			+ "created_by, updated_at, updated_by, retired_at, retired_by";

	private final JdbcClient jdbc;

	DownstreamConsumers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the name is taken
	 */
	boolean insert(DownstreamConsumer c) {
		return this.jdbc.sql("""
				insert into catalog.downstream_consumers (id, name, root_types, ack_deadline_seconds, required,
				        created_at, created_by, updated_at, updated_by)
				values (:id, :name, :types, :deadline, :required, :at, :by, :at, :by)
				on conflict (name) do nothing
				""")
			.param("id", c.id())
			.param("name", c.name())
			.param("types", c.rootTypes().toArray(String[]::new))
			.param("deadline", c.ackDeadline().toSeconds())
			.param("required", c.required())
			.param("at", java.sql.Timestamp.from(c.createdAt()))
			.param("by", c.createdBy())
			.update() == 1;
	}

	/**
	 * @return false when the new name is another consumer's
	 */
	boolean update(DownstreamConsumer c) {
		return this.jdbc.sql("""
				update catalog.downstream_consumers set name = :name, root_types = :types,
				       ack_deadline_seconds = :deadline, required = :required, updated_at = :at, updated_by = :by,
				       retired_at = :retiredAt, retired_by = :retiredBy
				 where id = :id and not exists (select from catalog.downstream_consumers other
				                                 where other.name = :name and other.id <> :id)
				""")
			.param("id", c.id())
			.param("name", c.name())
			.param("types", c.rootTypes().toArray(String[]::new))
			.param("deadline", c.ackDeadline().toSeconds())
			.param("required", c.required())
			.param("at", java.sql.Timestamp.from(c.updatedAt()))
			.param("by", c.updatedBy())
			.param("retiredAt", (c.retiredAt() != null) ? java.sql.Timestamp.from(c.retiredAt()) : null)
			.param("retiredBy", c.retiredBy())
			.update() == 1;
	}

	Optional<DownstreamConsumer> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.downstream_consumers where id = :id")
			.param("id", id)
			.query(DownstreamConsumers::consumer)
			.optional();
	}

	Optional<DownstreamConsumer> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.downstream_consumers where id = :id for update")
			.param("id", id)
			.query(DownstreamConsumers::consumer)
			.optional();
	}

	Optional<DownstreamConsumer> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.downstream_consumers where name = :name")
			.param("name", name)
			.query(DownstreamConsumers::consumer)
			.optional();
	}

	/** Live consumers first, by name; retired ones after. */
	List<DownstreamConsumer> page(int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.downstream_consumers "
					+ "order by retired_at is not null, name limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(DownstreamConsumers::consumer)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from catalog.downstream_consumers").query(Long.class).single();
	}

	private static DownstreamConsumer consumer(ResultSet rs, int row) throws SQLException {
		String[] types = (String[]) rs.getArray("root_types").getArray();
		return new DownstreamConsumer(rs.getObject("id", UUID.class), rs.getString("name"), Arrays.asList(types),
				Duration.ofSeconds(rs.getLong("ack_deadline_seconds")), rs.getBoolean("required"),
				instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
				rs.getString("updated_by"), instant(rs, "retired_at"), rs.getString("retired_by"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
