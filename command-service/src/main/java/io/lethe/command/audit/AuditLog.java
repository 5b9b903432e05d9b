package io.lethe.command.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.auth.Caller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who did what, to what, when, and how it ended. A successful action is
 * recorded in its own transaction (so the record exists exactly when the action
 * committed); a refused one in a transaction of its own.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One audit record. */
	public record Entry(long id, Instant at, String actor, UUID actorOrg, String action, String targetType,
			UUID targetId, String outcome, String detail) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void succeeded(Caller caller, String action, String targetType, UUID targetId, Map<String, ?> detail) {
		insert(caller, action, targetType, targetId, "ok", detail);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(Caller caller, String action, String targetType, UUID targetId, String reason) {
		insert(caller, action, targetType, targetId, "refused", Map.of("reason", reason));
	}

	@Transactional(readOnly = true)
	public List<Entry> page(UUID targetId, int limit, long offset) {
		return this.jdbc
			.sql("select id, at, actor, actor_org, action, target_type, target_id, outcome, detail::text as detail "
					+ "from catalog.audit where (cast(:target as uuid) is null or target_id = :target) "
					+ "order by at desc, id desc limit :limit offset :offset")
			.param("target", targetId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getObject("actor_org", UUID.class), rs.getString("action"),
					rs.getString("target_type"), rs.getObject("target_id", UUID.class), rs.getString("outcome"),
					rs.getString("detail")))
			.list();
	}

	@Transactional(readOnly = true)
	public long count(UUID targetId) {
		return this.jdbc
			.sql("select count(*) from catalog.audit where (cast(:target as uuid) is null or target_id = :target)")
			.param("target", targetId)
			.query(Long.class)
			.single();
	}

	private void insert(Caller caller, String action, String targetType, UUID targetId, String outcome,
			Map<String, ?> detail) {
		this.jdbc
			.sql("insert into catalog.audit (actor, actor_org, action, target_type, target_id, outcome, detail) "
					+ "values (:actor, :org, :action, :type, :target, :outcome, cast(:detail as jsonb))")
			.param("actor", caller.principal())
			.param("org", caller.orgId())
			.param("action", action)
			.param("type", targetType)
			.param("target", targetId)
			.param("outcome", outcome)
			.param("detail", this.json.writeValueAsString(detail))
			.update();
	}

}
