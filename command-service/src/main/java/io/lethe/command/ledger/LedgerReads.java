package io.lethe.command.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.lethe.command.deletion.DownstreamLedger.Downstream;
import io.lethe.command.deletion.DownstreamLedger.Root;
import io.lethe.command.deletion.DownstreamLedger.Summary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.lethe.command.ledger.DownstreamConsumers.instant;

/**
 * What the ledger shows: each consumer's place in a deletion, the overdue answers, the
 * answers a closing deletion names.
 */
@Repository
class LedgerReads {

	/**
	 * What needs an operator: a required, live consumer of the root type that answered
	 * {@code failed}, or has not answered past the purge's start plus its deadline, of an
	 * open deletion whose purge began.
	 */
	private static final String ATTENTION = """
			 from catalog.deletion_ledger l
			 join catalog.downstream_consumers c on c.required and c.retired_at is null
			  and l.root_type = any(c.root_types)
			 left join catalog.deletion_acks a on a.deletion_id = l.deletion_id and a.consumer_id = c.id
			where l.cancelled_at is null and l.completed_at is null and l.purge_started_at is not null
			""";

	private static final String PAST_DUE = " l.purge_started_at + make_interval(secs => c.ack_deadline_seconds) < now()";

	/** Listed: every failed answer at once, and no answer once past due. */
	private static final String LISTED = ATTENTION + " and (a.outcome = 'failed' or (a.outcome is null and" + PAST_DUE
			+ "))";

	/** Counted as overdue: past due without a deleted or nothing-held answer. */
	private static final String OVERDUE = ATTENTION + " and (a.outcome is null or a.outcome = 'failed') and" + PAST_DUE;

	private final JdbcClient jdbc;

	LedgerReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The live consumers of the root type (those registered before the deletion closed)
	 * and any consumer that answered it, by name.
	 */
	List<Downstream> downstream(LedgerRow row, Instant now) {
		return this.jdbc.sql("""
				select c.name, c.required and c.retired_at is null as required, c.ack_deadline_seconds,
				       a.outcome, a.acked_at
				  from catalog.downstream_consumers c
				  left join catalog.deletion_acks a on a.consumer_id = c.id and a.deletion_id = :id
				 where a.deletion_id is not null
				    or (c.retired_at is null and :type = any(c.root_types)
				        and c.created_at <= coalesce(cast(:closed as timestamptz), now()))
				 order by c.name
				""")
			.param("id", row.deletionId())
			.param("type", row.rootType())
			.param("closed", (row.completedAt() != null) ? java.sql.Timestamp.from(row.completedAt()) : null)
			.query((rs, n) -> {
				Duration deadline = Duration.ofSeconds(rs.getLong("ack_deadline_seconds"));
				Instant due = (row.purgeStartedAt() != null) ? row.purgeStartedAt().plus(deadline) : null;
				String outcome = rs.getString("outcome");
				String state = (outcome == null) ? ((due != null && now.isAfter(due)) ? "overdue" : "waiting")
						: "failed".equals(outcome) ? "failed" : "acknowledged";
				return new Downstream(rs.getString("name"), rs.getBoolean("required"), state, instant(rs, "acked_at"),
						outcome, due);
			})
			.list();
	}

	/**
	 * {@link #downstream} counted for many roots at once: the latest deletion of each
	 * root, not cancelled, with the same consumers in it.
	 */
	List<Summary> summaries(Collection<Root> roots) {
		if (roots.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				with latest as (
				  select distinct on (root_type, root_id) deletion_id, root_type, root_id, purge_started_at,
				         completed_at, cancelled_at
				    from catalog.deletion_ledger
				   where (root_type, root_id) in (:roots)
				   order by root_type, root_id, requested_at desc)
				select l.root_type, l.root_id, l.completed_at is not null as complete, count(*) as consumers,
				       count(*) filter (where a.outcome is not null and a.outcome <> 'failed') as acknowledged,
				       count(*) filter (where a.outcome = 'failed') as failed,
				       count(*) filter (where a.outcome is null
				         and l.purge_started_at + make_interval(secs => c.ack_deadline_seconds) < now()) as overdue
				  from latest l
				  cross join catalog.downstream_consumers c
				  left join catalog.deletion_acks a on a.consumer_id = c.id and a.deletion_id = l.deletion_id
				 where l.cancelled_at is null
				   and (a.deletion_id is not null
				        or (c.retired_at is null and l.root_type = any(c.root_types)
				            and c.created_at <= coalesce(l.completed_at, now())))
				 group by l.root_type, l.root_id, l.completed_at
				""")
			.param("roots", roots.stream().map((root) -> new Object[] { root.type(), root.id() }).toList())
			.query((rs, n) -> new Summary(new Root(rs.getString("root_type"), rs.getObject("root_id", UUID.class)),
					rs.getInt("consumers"), rs.getInt("acknowledged"), rs.getInt("failed"), rs.getInt("overdue"),
					rs.getBoolean("complete")))
			.list();
	}

	List<OverdueAck> overdue(int limit, long offset) {
		return this.jdbc.sql("""
				select l.deletion_id, l.org_id, l.root_type, l.root_id, c.id as consumer_id, c.name,
				       l.purge_started_at, l.purge_started_at + make_interval(secs => c.ack_deadline_seconds) as due_at,
				       a.outcome, a.acked_at
				""" + LISTED + " order by due_at, l.deletion_id, c.name limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new OverdueAck(rs.getObject("deletion_id", UUID.class),
					rs.getObject("org_id", UUID.class), rs.getString("root_type"), rs.getObject("root_id", UUID.class),
					rs.getObject("consumer_id", UUID.class), rs.getString("name"), instant(rs, "purge_started_at"),
					instant(rs, "due_at"), rs.getString("outcome"), instant(rs, "acked_at")))
			.list();
	}

	long listedCount() {
		return this.jdbc.sql("select count(*)" + LISTED).query(Long.class).single();
	}

	long overdueCount() {
		return this.jdbc.sql("select count(*)" + OVERDUE).query(Long.class).single();
	}

	List<DeletionClosed.Answer> answers(UUID deletionId) {
		return this.jdbc.sql("""
				select c.name, c.required and c.retired_at is null as required, a.outcome, a.acked_at,
				       a.items_deleted
				  from catalog.deletion_acks a join catalog.downstream_consumers c on c.id = a.consumer_id
				 where a.deletion_id = :id order by c.name
				""")
			.param("id", deletionId)
			.query((rs, n) -> new DeletionClosed.Answer(rs.getString("name"), rs.getBoolean("required"),
					rs.getString("outcome"), instant(rs, "acked_at"), rs.getObject("items_deleted", Long.class)))
			.list();
	}

}
