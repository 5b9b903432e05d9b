package io.lethe.command.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.deletion.CompletionReceipt;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.writes.DeferredWrites;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.lethe.command.ledger.DownstreamConsumers.instant;

/**
 * The ledger's rows ({@code catalog.deletion_ledger}) and acknowledgements
 * ({@code catalog.deletion_acks}). Every transition is a guarded update (a column set
 * only while null), so a replayed snapshot or a second ack finds nothing to change and an
 * event that follows a transition is emitted once.
 */
@Repository
class DeletionLedger {

	private static final String COLUMNS = "deletion_id, org_id, root_type, root_id, requested_at, job_id, "
			+ "purge_started_at, purge_completed_at, cancelled_at, completed_at";

	private static final String OPEN = "cancelled_at is null and completed_at is null";

	private final JdbcClient jdbc;

	private final DeferredWrites writes;

	DeletionLedger(JdbcClient jdbc, DeferredWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	/**
	 * Opens a deletion's row as its transaction commits ({@link DeferredWrites}). A
	 * deletion asked again while one of the root's is open changes nothing.
	 */
	void open(UUID deletionId, UUID orgId, String rootType, UUID rootId, Instant at) {
		this.writes.add(
				"insert into catalog.deletion_ledger (deletion_id, org_id, root_type, root_id, requested_at) "
						+ "values (?, ?, ?, ?, ?) on conflict (root_type, root_id) where " + OPEN + " do nothing",
				deletionId, orgId, rootType, rootId, Timestamp.from(at));
	}

	/** Cancels it while its purge has not begun (the caller holds its lock). */
	boolean cancel(UUID deletionId) {
		return this.jdbc
			.sql("update catalog.deletion_ledger set cancelled_at = now() where deletion_id = :id "
					+ "and purge_started_at is null and " + OPEN)
			.param("id", deletionId)
			.update() == 1;
	}

	void saveCompletionReceipt(UUID deletionId, String body, String jws, String keyId, Instant issuedAt) {
		this.jdbc.sql("""
				insert into catalog.completion_receipts (deletion_id, body, jws, key_id, issued_at)
				values (:id, :body, :jws, :key, :at)
				""")
			.param("id", deletionId)
			.param("body", body)
			.param("jws", jws)
			.param("key", keyId)
			.param("at", Timestamp.from(issuedAt))
			.update();
	}

	/** The completion receipt of the root's latest deletion, if it closed. */
	Optional<CompletionReceipt> completionReceipt(String rootType, UUID rootId) {
		return this.jdbc.sql("""
				select r.jws, r.issued_at, r.key_id from catalog.completion_receipts r
				 where r.deletion_id = (select deletion_id from catalog.deletion_ledger
				                         where root_type = :type and root_id = :root
				                         order by requested_at desc limit 1)
				""")
			.param("type", rootType)
			.param("root", rootId)
			.query((rs, n) -> new CompletionReceipt(rs.getString("jws"), instant(rs, "issued_at"),
					rs.getString("key_id")))
			.optional();
	}

	/** The root's open deletion, if its purge had not begun until now. */
	Optional<LedgerRow> markStarted(String rootType, UUID rootId, UUID jobId, Instant startedAt) {
		return this.jdbc
			.sql("update catalog.deletion_ledger set purge_started_at = :at, job_id = :job "
					+ "where root_type = :type and root_id = :root and purge_started_at is null and " + OPEN
					+ " returning " + COLUMNS)
			.param("at", Timestamp.from(startedAt))
			.param("job", jobId)
			.param("type", rootType)
			.param("root", rootId)
			.query(DeletionLedger::row)
			.optional();
	}

	/** The root's open deletion, if its purge was not known to be done until now. */
	Optional<LedgerRow> markPurged(String rootType, UUID rootId) {
		return this.jdbc
			.sql("update catalog.deletion_ledger set purge_completed_at = now() "
					+ "where root_type = :type and root_id = :root and purge_started_at is not null "
					+ "and purge_completed_at is null and " + OPEN + " returning " + COLUMNS)
			.param("type", rootType)
			.param("root", rootId)
			.query(DeletionLedger::row)
			.optional();
	}

	/**
	 * The root's latest deletion (or the one named), locked, so that acks and closing of
	 * one deletion take turns.
	 */
	Optional<LedgerRow> lock(String rootType, UUID rootId, UUID deletionId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.deletion_ledger where root_type = :type "
					+ "and root_id = :root and (cast(:id as uuid) is null or deletion_id = :id) "
					+ "order by requested_at desc limit 1 for update")
			.param("type", rootType)
			.param("root", rootId)
			.param("id", deletionId)
			.query(DeletionLedger::row)
			.optional();
	}

	Optional<LedgerRow> latest(String rootType, UUID rootId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.deletion_ledger where root_type = :type "
					+ "and root_id = :root order by requested_at desc limit 1")
			.param("type", rootType)
			.param("root", rootId)
			.query(DeletionLedger::row)
			.optional();
	}

	/**
	 * Open deletions whose purge is done, locked: the ones a consumer change may close.
	 */
	List<LedgerRow> lockPurgedOpen() {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.deletion_ledger where purge_completed_at is not null and " + OPEN
					+ " order by deletion_id for update")
			.query(DeletionLedger::row)
			.list();
	}

	/**
	 * Whether every live, required consumer of the root type has answered (deleted or
	 * nothing held).
	 */
	boolean everyRequiredAnswered(LedgerRow row) {
		return this.jdbc.sql("""
				select not exists (select from catalog.downstream_consumers c
				 where c.required and c.retired_at is null and :type = any(c.root_types)
				   and not exists (select from catalog.deletion_acks a where a.deletion_id = :id
				                      and a.consumer_id = c.id and a.outcome <> 'failed'))
				""").param("type", row.rootType()).param("id", row.deletionId()).query(Boolean.class).single();
	}

	/**
	 * @return whether this call closed it
	 */
	boolean close(UUID deletionId, UUID eventId) {
		return this.jdbc
			.sql("update catalog.deletion_ledger set completed_at = now(), completion_event_id = :event "
					+ "where deletion_id = :id and completed_at is null")
			.param("event", eventId)
			.param("id", deletionId)
			.update() == 1;
	}

	Optional<StoredAck> ack(UUID deletionId, UUID consumerId) {
		return this.jdbc.sql("select * from catalog.deletion_acks where deletion_id = :d and consumer_id = :c")
			.param("d", deletionId)
			.param("c", consumerId)
			.query(DeletionLedger::ack)
			.optional();
	}

	void record(StoredAck ack, String eventId) {
		this.jdbc.sql("""
				insert into catalog.deletion_acks (deletion_id, consumer_id, outcome, detail, items_deleted, via,
				        event_id, first_acked_at, acked_at)
				values (:d, :c, :outcome, :detail, :items, :via, :event, :first, :at)
				on conflict (deletion_id, consumer_id) do update set outcome = excluded.outcome,
				        detail = excluded.detail, items_deleted = excluded.items_deleted, via = excluded.via,
				        event_id = excluded.event_id, acked_at = excluded.acked_at
				""")
			.param("d", ack.deletionId())
			.param("c", ack.consumerId())
			.param("outcome", ack.outcome())
			.param("detail", ack.detail())
			.param("items", ack.itemsDeleted())
			.param("via", ack.via())
			.param("event", eventId)
			.param("first", Timestamp.from(ack.firstAckedAt()))
			.param("at", Timestamp.from(ack.ackedAt()))
			.update();
	}

	private static LedgerRow row(ResultSet rs, int row) throws SQLException {
		return new LedgerRow(rs.getObject("deletion_id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getString("root_type"), rs.getObject("root_id", UUID.class), instant(rs, "requested_at"),
				rs.getObject("job_id", UUID.class), instant(rs, "purge_started_at"), instant(rs, "purge_completed_at"),
				instant(rs, "cancelled_at"), instant(rs, "completed_at"));
	}

	private static StoredAck ack(ResultSet rs, int row) throws SQLException {
		return new StoredAck(rs.getObject("deletion_id", UUID.class), rs.getObject("consumer_id", UUID.class),
				rs.getString("outcome"), rs.getString("detail"), rs.getObject("items_deleted", Long.class),
				rs.getString("via"), instant(rs, "first_acked_at"), instant(rs, "acked_at"));
	}

}
