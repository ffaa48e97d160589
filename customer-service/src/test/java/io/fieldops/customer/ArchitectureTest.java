package io.fieldops.customer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.customer.customer.CustomerCodes;
import io.fieldops.customer.customer.CustomerEdit;
import io.fieldops.customer.phone.MobileNumbers;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

/** STYLE.md #3: the package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(
    packages = "io.fieldops.customer",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Business rules are plain objects a unit test can call: no Spring, no web, no JPA. */
  @ArchTest
  static final ArchRule rulesDependOnNeitherSpringNorPersistence =
      noClasses()
          .that()
          .belongToAnyOf(MobileNumbers.class, CustomerCodes.class, CustomerEdit.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "jakarta.persistence..", "jakarta.servlet..");

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
      slices().matching("io.fieldops.customer.(*)..").should().beFreeOfCycles();
}
