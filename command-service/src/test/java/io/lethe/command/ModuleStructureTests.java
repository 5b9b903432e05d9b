package io.lethe.command;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.lethe.testkit.ArchitectureRules;
import io.lethe.testkit.SqlBoundaries;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The service is packaged by feature; a feature may use another's public types only,
 * never its internals, and no features depend on each other in a cycle. Controllers live
 * in web packages, services never use web types, the vector index is used through its
 * port ({@code ArchitectureRulesTests} shows each rule failing on a planted violation).
 * The worker's schema is the worker's: what the service shows of purges comes from
 * {@code lethe.purge-events}, never from SQL on {@code purge.*}.
 */
class ModuleStructureTests {

	private static final JavaClasses CODE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.lethe.command");

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
	void featuresDependOnlyOnEachOthersPublicTypes() {
		ApplicationModules.of(CommandServiceApplication.class).verify();
	}

	@Test
	void theCommandServiceNeverReadsTheWorkersSchema() {
		SqlBoundaries.assertNoSqlNames(Path.of("src/main/java"), "purge");
	}

}
