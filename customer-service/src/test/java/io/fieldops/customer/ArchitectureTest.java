package io.fieldops.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.customer.customer.CustomerCodes;
import io.fieldops.customer.customer.CustomerEdit;
import io.fieldops.platform.test.ArchitectureRules;

/** The package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(
    packages = "io.fieldops.customer",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Business rules are plain objects a unit test can call: no Spring, no web, no JPA. */
  @ArchTest
  static final ArchRule rulesDependOnNeitherSpringNorPersistence =
      ArchitectureRules.plainRules(CustomerCodes.class, CustomerEdit.class);

  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      ArchitectureRules.controllersNeverReturnEntities();

  /** Only the identity feature talks to auth-service. */
  @ArchTest
  static final ArchRule onlyIdentityKnowsTheHttpClient =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fieldops.customer.identity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web.service..", "org.springframework.cloud..");

  /** Features may use each other's public API, but never in a circle. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.customer");

  @ArchTest
  static final ArchRule packagesAreFeaturesNotLayers =
      ArchitectureRules.packagesAreFeaturesNotLayers();
}
