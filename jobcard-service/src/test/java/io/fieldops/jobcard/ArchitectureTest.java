package io.fieldops.jobcard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.platform.test.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.fieldops.jobcard",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Status and payment transitions, amounts and codes are plain objects a unit test can call. */
  @ArchTest
  static final ArchRule rulesDependOnNothingButTheJdk =
      noClasses()
          .that()
          .resideInAPackage("io.fieldops.jobcard.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta..",
              "io.fieldops.platform..",
              "tools.jackson..",
              "io.fieldops.jobcard.client..",
              "io.fieldops.jobcard.jobcard..",
              "io.fieldops.jobcard.jobtype..");

  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      ArchitectureRules.controllersNeverReturnEntities();

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.jobcard");

  @ArchTest
  static final ArchRule packagesAreFeaturesNotLayers =
      ArchitectureRules.packagesAreFeaturesNotLayers();
}
