package io.lethe.command.writes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds a transaction's write-only statements and sends them as it commits, all in one
 * round trip: the JDBC driver sends the statements of one string, separated by {@code ;},
 * before it waits for any answer. A delete's outbox event, ledger row and link revocation
 * cost the command one round trip instead of three, which is a network round trip per
 * delete wherever the database is not on the same machine. (On the bench's two cores,
 * with the database beside the service, the throughput did not show it: README,
 * Performance.)
 * <p>
 * The writes still commit with the transaction or not at all: they run just before its
 * {@code COMMIT}, on its connection, in the order they were added; a write that fails
 * rolls the whole transaction back and its error reaches the caller. What is held is
 * never visible to the transaction itself, so only writes that nothing in it reads back
 * belong here. Outside a transaction a write runs at once.
 */
@Component
public class DeferredWrites {

	private final JdbcClient jdbc;

	DeferredWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param sql one statement with positional ({@code ?}) parameters, no {@code ;}
	 * @param params its parameters, in order
	 */
	public void add(String sql, Object... params) {
		if (sql.indexOf(';') >= 0) {
			throw new IllegalArgumentException("One statement per write: " + sql);
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			this.jdbc.sql(sql).params(params).update();
			return;
		}
		Held held = held();
		if (held.sent) {
			// added by another synchronization's beforeCommit, after this one's: still
			// inside the transaction, so it runs at once
			this.jdbc.sql(sql).params(params).update();
			return;
		}
		held.add(sql, params);
	}

	/** This transaction's held writes; a suspended transaction keeps its own. */
	private Held held() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Held held && held.owner() == this) {
				return held;
			}
		}
		Held held = new Held();
		TransactionSynchronizationManager.registerSynchronization(held);
		return held;
	}

	private final class Held implements TransactionSynchronization {

		private final List<String> statements = new ArrayList<>();

		private final List<Object> params = new ArrayList<>();

		private boolean sent;

		DeferredWrites owner() {
			return DeferredWrites.this;
		}

		void add(String statement, Object... values) {
			this.statements.add(statement);
			this.params.addAll(Arrays.asList(values));
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.sent = true;
			if (!this.statements.isEmpty()) {
				DeferredWrites.this.jdbc.sql(String.join(";\n", this.statements)).params(this.params).update();
			}
		}

	}

}
