package io.lethe.purge.engine;

import java.util.List;

/**
 * The plan for purging one type of root: its steps in order. Each plan is a bean of this
 * type, declared in its root type's package ({@code dataset}, {@code asset},
 * {@code samples}); the engine runs a job through its root type's plan. Every plan fences
 * its root and fixes the prefixes it empties, deletes vectors, objects (every version)
 * and rows, verifies that nothing is left and signs a receipt; they differ in what they
 * cover.
 */
public record RootPurge(String rootType, List<PurgeStep> steps) {

	public RootPurge {
		steps = List.copyOf(steps);
	}

	/**
	 * Where a job at {@code step} goes on: at that step, or, for a step that now runs
	 * {@link Overlapped alongside} another (a job may carry its name from a worker of
	 * before), at the overlapped step, which runs it again from the start.
	 * @return the index in {@link #steps()}, -1 when the plan has no such step
	 */
	int indexOf(String step) {
		for (int i = 0; i < this.steps.size(); i++) {
			if (this.steps.get(i).name().equals(step)) {
				return i;
			}
		}
		for (int i = 0; i < this.steps.size(); i++) {
			if (this.steps.get(i) instanceof Overlapped overlapped && overlapped.runsAlongside(step)) {
				return i;
			}
		}
		return -1;
	}

}
