package io.lethe.purge;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The worker is packaged by feature (intake, job, engine, receipt, runner); a feature may
 * use another's public types only, never its internals, and no features depend on each
 * other in a cycle.
 */
class ModuleStructureTests {

	@Test
	void featuresDependOnlyOnEachOthersPublicTypes() {
		ApplicationModules.of(PurgeWorkerApplication.class).verify();
	}

}
