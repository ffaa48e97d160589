package io.fieldops.booking;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

/** STYLE.md #3: the package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(
    packages = "io.fieldops.booking",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Parsing and the booking rules (working hours, off days, the past, overlap arithmetic, status
   * transitions) are plain objects a unit test can call: no Spring, no web, no JPA, no platform.
   */
  @ArchTest
  static final ArchRule rulesDependOnNothingButTheJdk =
      noClasses()
          .that()
          .resideInAPackage("io.fieldops.booking.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta..",
              "io.fieldops.platform..",
              "tools.jackson..",
              "io.fieldops.booking.agent..",
              "io.fieldops.booking.booking..",
              "io.fieldops.booking.settings..",
              "io.fieldops.booking.identity..");

  /** Entities never leave the service: controllers answer records. */
  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(RestController.class)
          .should()
          .haveRawReturnType(not(annotatedWith(Entity.class)))
          .allowEmptyShould(true);

  /** Features may use each other's public API, but never in a circle. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("io.fieldops.booking.(*)..").should().beFreeOfCycles();
}
