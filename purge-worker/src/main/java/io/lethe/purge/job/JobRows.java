package io.lethe.purge.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

/** Maps {@code purge.jobs} rows, and Instants to the driver's timestamp type. */
final class JobRows implements RowMapper<PurgeJob> {

	static final JobRows INSTANCE = new JobRows();

	private JobRows() {
	}

	@Override
	public PurgeJob mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new PurgeJob(rs.getObject("id", UUID.class), rs.getString("root_type"),
				rs.getObject("root_id", UUID.class), rs.getObject("org_id", UUID.class),
				JobState.of(rs.getString("state")), rs.getString("step"), rs.getString("checkpoint"),
				instant(rs, "run_at"), instant(rs, "requested_at"), rs.getString("requested_by"),
				RequestedVia.of(rs.getString("requested_via")), rs.getString("lease_owner"),
				instant(rs, "lease_expires_at"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getLong("vectors_deleted"), rs.getObject("vectors_total", Long.class), rs.getLong("objects_deleted"),
				rs.getObject("objects_total", Long.class), rs.getLong("rows_deleted"),
				rs.getObject("rows_total", Long.class), instant(rs, "started_at"), instant(rs, "completed_at"),
				rs.getString("verification"), rs.getObject("outcome_event_id", UUID.class),
				rs.getBoolean("outcome_published"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
