package io.fieldops.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fieldops.auth.key.KeyRotationPolicy;
import io.fieldops.auth.login.LoginThrottle;
import io.fieldops.auth.organisation.PhoneRule;
import io.fieldops.auth.organisation.Slugs;
import io.fieldops.auth.password.PasswordPolicy;
import io.fieldops.auth.passwordsetup.SetupLinkPolicy;
import io.fieldops.auth.registration.PasswordConfirmation;
import io.fieldops.auth.user.MembershipOrigin;
import io.fieldops.platform.test.ArchitectureRules;

/** The package structure and the rule classes, checked rather than hoped for. */
@AnalyzeClasses(packages = "io.fieldops.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Business rules are plain objects a unit test can call: no Spring, no web, no JPA. */
  @ArchTest
  static final ArchRule rulesDependOnNeitherSpringNorPersistence =
      ArchitectureRules.plainRules(
          PasswordConfirmation.class,
          PasswordPolicy.class,
          PhoneRule.class,
          LoginThrottle.class,
          Slugs.class,
          KeyRotationPolicy.class,
          SetupLinkPolicy.class,
          MembershipOrigin.class);

  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      ArchitectureRules.controllersNeverReturnEntities();

  /** Features may use each other's public API, but never in a circle. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      ArchitectureRules.featuresAreFreeOfCycles("io.fieldops.auth");

  @ArchTest
  static final ArchRule packagesAreFeaturesNotLayers =
      ArchitectureRules.packagesAreFeaturesNotLayers();
}
