package io.lethe.purge.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.slf4j.MDC;

/**
 * Steps that do not depend on each other, run side by side as one step of the plan (a
 * dataset's vectors and the count of its rows beside its objects: each waits for its own
 * store, and a purge would otherwise wait for them in turn). The step carries the name of
 * the {@code leading} one and its checkpoint; the {@code alongside} steps run each on a
 * thread of its own and must need no checkpoint, because a resumed run runs them again
 * from the start (each does what is left, by what it covers): they get a view of the run
 * whose writes leave the checkpoint alone. The step ends when all did, also when one of
 * them failed, so that nothing it started still writes after it; the leading step's
 * failure wins, and a step that did not go on ({@link StepResult} other than next) stops
 * the plan as it would alone.
 */
public final class Overlapped implements PurgeStep {

	private final PurgeStep leading;

	private final List<PurgeStep> alongside;

	public Overlapped(PurgeStep leading, PurgeStep... alongside) {
		if (alongside.length == 0) {
			throw new IllegalArgumentException("Nothing to run alongside " + leading.name());
		}
		this.leading = leading;
		this.alongside = List.of(alongside);
	}

	@Override
	public String name() {
		return this.leading.name();
	}

	/**
	 * Whether the step of that name runs alongside: a job may still carry it from a
	 * worker of before.
	 */
	boolean runsAlongside(String step) {
		return this.alongside.stream().anyMatch((other) -> other.name().equals(step));
	}

	@Override
	public StepResult run(PurgeRun run) {
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		PurgeRun without = run.withoutCheckpoint();
		List<CompletableFuture<StepResult>> beside = this.alongside.stream()
			.map((step) -> start(step, without, logContext))
			.toList();
		StepResult led;
		try {
			led = this.leading.run(run);
		}
		catch (RuntimeException | Error ex) {
			beside.forEach(Overlapped::awaitQuietly);
			throw ex;
		}
		StepResult result = led;
		try {
			for (CompletableFuture<StepResult> other : beside) {
				StepResult ended = await(other);
				if (result instanceof StepResult.Next && !(ended instanceof StepResult.Next)) {
					result = ended;
				}
			}
		}
		finally {
			beside.forEach(Overlapped::awaitQuietly);
		}
		return result;
	}

	private static CompletableFuture<StepResult> start(PurgeStep step, PurgeRun run, Map<String, String> logContext) {
		CompletableFuture<StepResult> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			try {
				result.complete(step.run(run));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "purge-" + step.name());
		thread.setDaemon(true);
		thread.start();
		return result;
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
