package io.fieldops.ticket;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.platform.test.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.fieldops.ticket",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      ArchitectureRules.controllersNeverReturnEntities();

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.ticket");

  @ArchTest
  static final ArchRule packagesAreFeaturesNotLayers =
      ArchitectureRules.packagesAreFeaturesNotLayers();
}
