package io.lethe.consumer;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The erasures done, in a table of the application's own database: the erasure and its
 * record commit in one transaction, so a handler that erases with the same
 * {@code DataSource} is never recorded without its effect, nor the reverse. The table is
 * created when missing.
 */
class JdbcProcessedDeletions implements ProcessedDeletions {

	private final JdbcTemplate jdbc;

	private final TransactionOperations transactions;

	private final String consumer;

	private final String table;

	JdbcProcessedDeletions(JdbcTemplate jdbc, TransactionOperations transactions, String consumer, String table) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.consumer = consumer;
		this.table = table;
	}

	/**
	 * Creates the table when missing; its name was checked by {@link ConsumerProperties}.
	 */
	void createTable() {
		this.jdbc.execute("create table if not exists " + this.table + " (consumer text not null, "
				+ "event_id text not null, outcome text not null, items_deleted bigint, detail text, "
				+ "processed_at timestamptz not null default now(), primary key (consumer, event_id))");
	}

	@Override
	public Erasure once(String eventId, Supplier<Erasure> erase) {
		return this.transactions.execute((status) -> {
			List<Erasure> recorded = this.jdbc.query(
					"select outcome, items_deleted, detail from " + this.table + " where consumer = ? and event_id = ?",
					(row, n) -> new Erasure(row.getString(1), (Long) row.getObject(2), row.getString(3)), this.consumer,
					eventId);
			if (!recorded.isEmpty()) {
				return recorded.get(0);
			}
			Erasure erasure = erase.get();
			if (erasure.isFinal()) {
				this.jdbc.update(
						"insert into " + this.table + " (consumer, event_id, outcome, items_deleted, detail) "
								+ "values (?, ?, ?, ?, ?) on conflict do nothing",
						this.consumer, eventId, erasure.outcome(), erasure.itemsDeleted(), erasure.detail());
			}
			return erasure;
		});
	}

}
