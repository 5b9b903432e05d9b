package io.lethe.purge.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.lethe.stores.object.ObjectStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Retries one store call on errors that may pass (a throttled or unavailable object
 * store, a lost database connection, a deadlock), with exponential backoff and full
 * jitter, a bounded number of times. Anything else, and the last failure, goes to the
 * caller: the step fails and the job is retried later as a whole.
 */
public final class StoreRetry {

	private static final Logger logger = LoggerFactory.getLogger(StoreRetry.class);

	private final EngineProperties.StoreRetrySettings settings;

	private final Runnable onRetry;

	/**
	 * @param onRetry told of every retry (a metric)
	 */
	StoreRetry(EngineProperties.StoreRetrySettings settings, Runnable onRetry) {
		this.settings = settings;
		this.onRetry = onRetry;
	}

	public <T> T call(String what, Supplier<T> operation) {
		return call(what, operation, () -> {
		});
	}

	public void run(String what, Runnable operation, Runnable beforeRetry) {
		call(what, () -> {
			operation.run();
			return null;
		}, beforeRetry);
	}

	/**
	 * @param beforeRetry runs before each new try, to undo what a failed try left half
	 * done
	 */
	public <T> T call(String what, Supplier<T> operation, Runnable beforeRetry) {
		for (int attempt = 1;; attempt++) {
			try {
				return operation.get();
			}
			catch (RuntimeException ex) {
				if (!retryable(ex) || attempt >= this.settings.attempts()) {
					throw ex;
				}
				Duration wait = backoff(attempt);
				logger.warn("{} failed (try {} of {}), retrying in {} ms: {}", what, attempt, this.settings.attempts(),
						wait.toMillis(), ex.getMessage());
				this.onRetry.run();
				pause(wait, ex);
				beforeRetry.run();
			}
		}
	}

	static boolean retryable(Throwable ex) {
		if (ex instanceof ObjectStoreException store) {
			return store.retryable();
		}
		return ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException
				|| ex instanceof DataAccessResourceFailureException;
	}

	/** Full jitter: a random wait between half and all of the exponential backoff. */
	Duration backoff(int attempt) {
		long base = this.settings.initialBackoff().toMillis();
		long ceiling = Math.min(this.settings.maxBackoff().toMillis(), base << Math.min(attempt - 1, 20));
		long half = Math.max(1, ceiling / 2);
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	private static void pause(Duration wait, RuntimeException failure) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

}
