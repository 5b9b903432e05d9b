package io.lethe.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.lethe.planted.PlantedApplication;
import io.lethe.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every structure rule both services apply fails on the planted violations of
 * {@code io.lethe.planted}, so a rule that silently passes everything would show here.
 */
class ArchitectureRulesTests {

	private final JavaClasses planted = new ClassFileImporter().importPackages("io.lethe.planted");

	@Test
	void aControllerOutsideAWebPackageFailsTheBuild() {
		assertThat(failures(ArchitectureRules.controllersLiveInWebPackages())).singleElement()
			.asString()
			.contains("ShopController");
	}

	@Test
	void aServiceThatUsesAWebTypeFailsTheBuild() {
		assertThat(failures(ArchitectureRules.servicesNeverUseWebTypes())).isNotEmpty()
			.allMatch((line) -> line.contains("ShopService") && line.contains("PageView"));
	}

	@Test
	void checkingTheVectorIndexAdapterFailsTheBuild() {
		assertThat(failures(ArchitectureRules.vectorIndexIsUsedThroughItsPort())).singleElement()
			.asString()
			.contains("ShopService", "PgVectorIndex");
	}

	@Test
	void aFeatureReachingIntoAnothersInternalsFailsTheBuild() {
		assertThatExceptionOfType(Violations.class)
			.isThrownBy(() -> ApplicationModules.of(PlantedApplication.class, (location) -> true).verify())
			.withMessageContaining("Invoices")
			.withMessageContaining("Stock");
	}

	private java.util.List<String> failures(com.tngtech.archunit.lang.ArchRule rule) {
		return rule.evaluate(this.planted).getFailureReport().getDetails();
	}

}
