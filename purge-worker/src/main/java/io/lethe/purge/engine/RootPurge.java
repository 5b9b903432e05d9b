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

}
