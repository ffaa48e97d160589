package io.fieldops.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure every service keeps, as rules its {@code ArchitectureTest} checks:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.fieldops.booking", importOptions = DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   @ArchTest static final ArchRule rules = ArchitectureRules.plainRulesIn("..booking.rules..");
 *   @ArchTest static final ArchRule controllers = ArchitectureRules.controllersNeverReturnEntities();
 *   @ArchTest static final ArchRule features = ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.booking");
 *   @ArchTest static final ArchRule packages = ArchitectureRules.packagesAreFeaturesNotLayers();
 * }
 * }</pre>
 */
public final class ArchitectureRules {

  /** What a business rule must not know: it is a plain object a unit test calls. */
  private static final String[] FRAMEWORKS = {
    "org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "java.sql.."
  };

  private ArchitectureRules() {}

  /** The given rule classes depend on no framework: no Spring, no web, no JPA, no JDBC. */
  public static ArchRule plainRules(Class<?>... rules) {
    return noClasses()
        .that()
        .belongToAnyOf(rules)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .because("business rules are plain objects a unit test can call without Spring");
  }

  /** Every class in {@code packageIdentifier} is a plain rule (see {@link #plainRules}). */
  public static ArchRule plainRulesIn(String packageIdentifier) {
    return noClasses()
        .that()
        .resideInAPackage(packageIdentifier)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .because("business rules are plain objects a unit test can call without Spring");
  }

  /** Entities never leave the service: controllers answer records. */
  public static ArchRule controllersNeverReturnEntities() {
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .should()
        .haveRawReturnType(not(annotatedWith("jakarta.persistence.Entity")))
        .allowEmptyShould(true);
  }

  /** The features under {@code basePackage} may use each other, but never in a circle. */
  public static ArchRule featuresAreFreeOfCycles(String basePackage) {
    return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
  }

  /** Packages are named after features (booking, slot), not after layers. */
  public static ArchRule packagesAreFeaturesNotLayers() {
    return noClasses()
        .should()
        .resideInAnyPackage(
            "..controller..",
            "..controllers..",
            "..service..",
            "..services..",
            "..repository..",
            "..repositories..",
            "..dto..",
            "..entity..",
            "..entities..")
        .because("a feature keeps its controller, records, entity and rules together")
        .allowEmptyShould(true);
  }
}
