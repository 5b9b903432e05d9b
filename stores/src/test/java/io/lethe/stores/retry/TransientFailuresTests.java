package io.lethe.stores.retry;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.lethe.stores.object.ObjectStoreException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTests {

	@Test
	void lockAndSerializationConflictsPass() {
		assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock timeout"))).isTrue();
		assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock", "40P01")))).isTrue();
		assertThat(TransientFailures.isTransient(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
		assertThat(TransientFailures.isTransient(wrapped(new SQLException("lock not available", "55P03")))).isTrue();
	}

	@Test
	void aLostOrRefusedConnectionPassesWhereverItHidesInTheCauseChain() {
		assertThat(TransientFailures.isTransient(
				wrapped(new DataAccessResourceFailureException("shutdown", new SQLException("terminating", "57P01")))))
			.isTrue();
		assertThat(TransientFailures.isTransient(wrapped(new SQLException("starting up", "57P03")))).isTrue();
		assertThat(TransientFailures.isTransient(wrapped(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("pool timed out"))))
			.isTrue();
		assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("refused"))).isTrue();
	}

	@Test
	void aFailedRollbackOnAConnectionThePoolClosedIsJudgedByTheFailureBehindIt() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(
				new DataAccessResourceFailureException("refused", new SQLException("starting up", "57P03")));
		assertThat(TransientFailures.isTransient(wrapped(rollback))).isTrue();

		TransactionSystemException permanent = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		permanent.initApplicationException(new IllegalStateException("bug"));
		assertThat(TransientFailures.isTransient(wrapped(permanent))).isFalse();
	}

	@Test
	void aThrottledObjectStorePassesAndARefusalDoesNot() {
		assertThat(TransientFailures.isTransient(wrapped(new ObjectStoreException("SlowDown", true)))).isTrue();
		assertThat(TransientFailures.isTransient(wrapped(new ObjectStoreException("AccessDenied", false)))).isFalse();
	}

	@Test
	void failuresThatRetryingCannotFixDoNotPass() {
		assertThat(TransientFailures.isTransient(new IllegalArgumentException("no dataset_id"))).isFalse();
		assertThat(TransientFailures
			.isTransient(wrapped(new DataIntegrityViolationException("check", new SQLException("violates", "23514")))))
			.isFalse();
		assertThat(TransientFailures.isTransient(wrapped(new SQLException("syntax", "42601")))).isFalse();
		assertThat(TransientFailures.isTransient(new UncheckedIOException(new IOException("disk")))).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void aCauseChainThatLoopsEnds() {
		Exception first = new IllegalStateException("first");
		Exception second = new IllegalStateException("second", first);
		first.initCause(second);
		assertThat(TransientFailures.isTransient(first)).isFalse();
	}

	private static Exception wrapped(Throwable cause) {
		return new IllegalStateException("Listener failed", new RuntimeException(cause));
	}

}
