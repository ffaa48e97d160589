package io.fieldops.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.notification.feed.Notices;

/** STYLE.md #3: the package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(
    packages = "io.fieldops.notification",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Which events become which messages is a plain rule a unit test calls without Spring. */
  @ArchTest
  static final ArchRule rulesDependOnNeitherSpringNorPersistence =
      noClasses()
          .that()
          .belongToAnyOf(Notices.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "java.sql..");

  /** Features may use each other's public API, but never in a circle. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("io.fieldops.notification.(*)..").should().beFreeOfCycles();
}
