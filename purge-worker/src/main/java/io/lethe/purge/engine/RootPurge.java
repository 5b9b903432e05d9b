package io.lethe.purge.engine;

import java.util.List;

/**
 * The plan for purging one type of root: its steps in order. Each plan is a bean of this
 * type ({@link PurgePlans}); the engine runs a job through its root type's plan.
 */
record RootPurge(String rootType, List<PurgeStep> steps) {

	RootPurge {
		steps = List.copyOf(steps);
	}

}
