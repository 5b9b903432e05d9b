package io.lethe.purge.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.slf4j.MDC;

/**
 * Two steps that do not depend on each other, run side by side as one step of the plan (a
 * dataset's vectors beside its objects: each waits for its own store's round trips, and a
 * small purge would otherwise wait for both in turn). The step carries the name of the
 * {@code leading} one and its checkpoint; the {@code alongside} step must need no
 * checkpoint, because it is run again from the start by a resumed run (it deletes what is
 * left, by what it covers): it gets a view of the run whose writes leave the checkpoint
 * alone. The step ends when both did, also when one of them failed, so that nothing it
 * started still writes after it; the leading step's failure wins, and a step that did not
 * go on ({@link StepResult} other than next) stops the plan as it would alone.
 */
public final class Overlapped implements PurgeStep {

	private final PurgeStep leading;

	private final PurgeStep alongside;

	public Overlapped(PurgeStep leading, PurgeStep alongside) {
		this.leading = leading;
		this.alongside = alongside;
	}

	@Override
	public String name() {
		return this.leading.name();
	}

	/** The name of the step run alongside, which a job may still carry from before. */
	String alongsideName() {
		return this.alongside.name();
	}

	@Override
	public StepResult run(PurgeRun run) {
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		PurgeRun without = run.withoutCheckpoint();
		CompletableFuture<StepResult> beside = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			try {
				beside.complete(this.alongside.run(without));
			}
			catch (Throwable ex) {
				beside.completeExceptionally(ex);
			}
		}, "purge-" + this.alongside.name());
		thread.setDaemon(true);
		thread.start();
		StepResult led;
		try {
			led = this.leading.run(run);
		}
		catch (RuntimeException | Error ex) {
			awaitQuietly(beside);
			throw ex;
		}
		StepResult other = await(beside);
		return (other instanceof StepResult.Next) ? led : other;
	}

	private static StepResult await(CompletableFuture<StepResult> beside) {
		try {
			return beside.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new PurgeStepException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PurgeStepException("Interrupted while waiting for the step alongside", ex);
		}
	}

	private static void awaitQuietly(CompletableFuture<StepResult> beside) {
		try {
			beside.get();
		}
		catch (ExecutionException ex) {
			// the leading step's failure is the one raised
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
