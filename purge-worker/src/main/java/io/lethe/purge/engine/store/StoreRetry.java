package io.lethe.purge.engine.store;

import java.time.Duration;
import java.util.function.Supplier;

import io.lethe.stores.retry.RetryPolicy;
import io.lethe.stores.retry.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one store call on errors that pass ({@link TransientFailures}: a throttled or
 * unavailable object store, a lost database connection, a deadlock) under the engine's
 * {@link RetryPolicy}, with full jitter. Anything else, and the last failure, goes to the
 * caller: the step fails and the job is retried later as a whole.
 */
public final class StoreRetry {

	private static final Logger logger = LoggerFactory.getLogger(StoreRetry.class);

	private final RetryPolicy policy;

	private final Runnable onRetry;

	/**
	 * Public for the engine's configuration, which declares the one instance.
	 * @param onRetry told of every retry (a metric)
	 */
	public StoreRetry(RetryPolicy policy, Runnable onRetry) {
		this.policy = policy;
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
				if (!TransientFailures.isTransient(ex) || this.policy.exhausted(attempt)) {
					throw ex;
				}
				Duration wait = this.policy.backoff(attempt);
				logger.warn("{} failed (try {} of {}), retrying in {} ms: {}", what, attempt, this.policy.attempts(),
						wait.toMillis(), ex.getMessage());
				this.onRetry.run();
				pause(wait, ex);
				beforeRetry.run();
			}
		}
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
