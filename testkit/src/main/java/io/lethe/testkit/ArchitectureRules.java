package io.lethe.testkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rules both services' structure tests apply beside Spring Modulith's module
 * rules (no feature reaches into another's internals, no cycles): where controllers live,
 * which way the layers depend, and that the vector index is used through its port.
 */
public final class ArchitectureRules {

	/**
	 * The port, by name: the stores' own tests use this module, which cannot use them.
	 */
	private static final String VECTOR_INDEX = "io.lethe.stores.vector.VectorIndex";

	private ArchitectureRules() {
	}

	/** HTTP controllers live in a feature's {@code web} package, and only there. */
	public static ArchRule controllersLiveInWebPackages() {
		return classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.should()
			.resideInAPackage("..web..")
			.because("a feature's HTTP layer is its web package");
	}

	/** Services and repositories never depend on the web layer. */
	public static ArchRule servicesNeverUseWebTypes() {
		return noClasses().that()
			.areAnnotatedWith(Service.class)
			.or()
			.areAnnotatedWith(Repository.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..web..")
			.because("dependencies point inward: web uses services, never the other way");
	}

	/**
	 * Nothing outside the stores checks which adapter implements the vector index: what
	 * only one adapter can do is on the port ({@code VectorIndex.maintenance()}).
	 */
	public static ArchRule vectorIndexIsUsedThroughItsPort() {
		DescribedPredicate<JavaClass> adapter = DescribedPredicate.describe("a VectorIndex adapter",
				(type) -> type.isAssignableTo(VECTOR_INDEX) && !type.isInterface());
		return classes().that()
			.resideOutsideOfPackage("io.lethe.stores..")
			.should(new ArchCondition<>("never check for a vector index adapter's class") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					type.getInstanceofChecks()
						.stream()
						.filter((check) -> adapter.test(check.getRawType()))
						.forEach((check) -> events
							.add(SimpleConditionEvent.violated(type, type.getName() + " checks instanceof "
									+ check.getRawType().getName() + " in " + check.getSourceCodeLocation())));
				}
			});
	}

}
