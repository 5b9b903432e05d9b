package io.lethe.purge;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.lethe.testkit.ArchitectureRules;
import io.lethe.testkit.SqlBoundaries;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The worker is packaged by feature (intake, job, engine, receipt, runner); a feature may
 * use another's public types only, never its internals, and no features depend on each
 * other in a cycle. The catalog, which the command service owns, is reached only through
 * the statements of {@code catalog-contract}.
 */
class ModuleStructureTests {

	private static final JavaClasses CODE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.lethe.purge");

	@Test
	void controllersLiveInWebPackages() {
		ArchitectureRules.controllersLiveInWebPackages().check(CODE);
	}

	@Test
	void servicesNeverUseWebTypes() {
		ArchitectureRules.servicesNeverUseWebTypes().check(CODE);
	}

	@Test
	void theVectorIndexIsUsedThroughItsPort() {
		ArchitectureRules.vectorIndexIsUsedThroughItsPort().check(CODE);
	}

	@Test
	void theWorkerReachesTheCatalogOnlyThroughTheContract() {
		SqlBoundaries.assertNoSqlNames(Path.of("src/main/java"), "catalog");
	}

	@Test
	void featuresDependOnlyOnEachOthersPublicTypes() {
		ApplicationModules.of(PurgeWorkerApplication.class).verify();
	}

}
