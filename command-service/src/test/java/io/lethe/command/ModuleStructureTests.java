package io.lethe.command;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The service is packaged by feature; a feature may use another's public types only,
 * never its internals, and no features depend on each other in a cycle.
 */
class ModuleStructureTests {

	@Test
	void featuresDependOnlyOnEachOthersPublicTypes() {
		ApplicationModules.of(CommandServiceApplication.class).verify();
	}

}
