package io.fieldops.auth;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.auth.key.KeyRotationPolicy;
import io.fieldops.auth.login.LoginThrottle;
import io.fieldops.auth.organisation.Slugs;
import io.fieldops.auth.password.PasswordPolicy;
import io.fieldops.auth.phone.PhoneNumbers;
import io.fieldops.auth.registration.PasswordConfirmation;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

/** STYLE.md #3: the package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(packages = "io.fieldops.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Business rules are plain objects a unit test can call: no Spring, no web, no JPA. */
  @ArchTest
  static final ArchRule rulesDependOnNeitherSpringNorPersistence =
      noClasses()
          .that()
          .belongToAnyOf(
              PasswordConfirmation.class,
              PasswordPolicy.class,
              PhoneNumbers.class,
              LoginThrottle.class,
              Slugs.class,
              KeyRotationPolicy.class)
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

  /** Features may use each other's public API, but never in a circle. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("io.fieldops.auth.(*)..").should().beFreeOfCycles();
}
