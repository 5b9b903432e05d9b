package io.lethe.purge.engine;

import java.time.Instant;

/** What a step tells the engine to do next. */
public sealed interface StepResult {

	/** Go on with the plan's next step. */
	StepResult NEXT = new Next();

	record Next() implements StepResult {
	}

	/** Continue at another step of the plan. */
	record JumpTo(String step) implements StepResult {
	}

	/** Stop and cancel the job. */
	record Cancel(String reason) implements StepResult {
	}

	/** Stop and schedule the job again at {@code runAt}. */
	record Defer(Instant runAt, String reason) implements StepResult {
	}

}
