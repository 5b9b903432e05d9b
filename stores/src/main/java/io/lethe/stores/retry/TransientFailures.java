package io.lethe.stores.retry;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.lethe.stores.object.ObjectStoreException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the infrastructure that passes (a database restart, a lost
 * connection, a lock or serialization conflict, a throttled or unavailable object store)
 * from one that retrying cannot fix: the one test of what {@link RetryPolicy} retries, in
 * store calls and in the worker's intake (where a valid event that met a passing failure
 * must never be dead-lettered).
 * <p>
 * The whole cause chain counts, since the listener's failure wraps the cause, and
 * Spring's translation of a PostgreSQL error (57P01 becomes a plain
 * {@code DataAccessResourceFailureException}) hides whether it passes: the SQLSTATE
 * tells.
 */
public final class TransientFailures {

	/**
	 * SQLSTATEs of failures that pass: serialization failure, deadlock, lock not
	 * available (lock timeout), admin shutdown, crash shutdown, cannot connect now.
	 */
	private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");

	private TransientFailures() {
	}

	public static boolean isTransient(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (isTransientItself(cause)) {
				return true;
			}
			// A rollback on a connection the pool closed after the failure hides the
			// failure itself behind "Connection is closed".
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isTransient(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTransientItself(Throwable cause) {
		if (cause instanceof ObjectStoreException store) {
			return store.retryable();
		}
		if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
				|| cause instanceof CannotGetJdbcConnectionException
				|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
				|| cause instanceof SQLRecoverableException || cause instanceof DataAccessResourceFailureException) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			// class 08: connection exception (lost, refused, broken)
			return state.startsWith("08") || TRANSIENT_STATES.contains(state);
		}
		return false;
	}

}
