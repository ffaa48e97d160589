package io.fieldops.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.notification.feed.Notices;
import io.fieldops.platform.test.ArchitectureRules;

/** The package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(
    packages = "io.fieldops.notification",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Which events become which messages is a plain rule a unit test calls without Spring. */
  @ArchTest
  static final ArchRule rulesDependOnNeitherSpringNorPersistence =
      ArchitectureRules.plainRules(Notices.class);

  /** Features may use each other's public API, but never in a circle. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.notification");

  @ArchTest
  static final ArchRule packagesAreFeaturesNotLayers =
      ArchitectureRules.packagesAreFeaturesNotLayers();
}
