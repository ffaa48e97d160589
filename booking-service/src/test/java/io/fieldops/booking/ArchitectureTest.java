package io.fieldops.booking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.platform.test.ArchitectureRules;

/** The package structure and the rule classes, checked rather than hoped for. */
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

  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      ArchitectureRules.controllersNeverReturnEntities();

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.booking");

  @ArchTest
  static final ArchRule packagesAreFeaturesNotLayers =
      ArchitectureRules.packagesAreFeaturesNotLayers();
}
