package io.fieldops.systemtests;

import io.fieldops.devstack.Devstack;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Base of every system test: the running suite, reached only through {@link #gateway()} as a
 * frontend would; {@link #stack()} is for the test's own bookkeeping (which services run, stopping
 * one to see how the rest copes).
 */
@ExtendWith(SystemTestExtension.class)
public abstract class SystemTest {

  private SuiteStack suite;

  void attach(SuiteStack suite) {
    this.suite = suite;
  }

  protected Gateway gateway() {
    return suite.gateway();
  }

  protected Devstack stack() {
    return suite.stack();
  }

  /** Logs in through the gateway and answers the access token (fails the test unless 200). */
  protected String accessToken(String email, String password) {
    GatewayResponse login =
        gateway()
            .post(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
    org.assertj.core.api.Assertions.assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().path("tokens").path("access").asString();
  }

  /** The password of every founder {@link #foundOrganisation} registers. */
  protected static final String FOUNDER_PASSWORD = "Tr0ub4dor&3-horse";

  /**
   * An organisation a test founded for itself, with its founder's (its ADMIN's) access token and
   * user id.
   */
  protected record FoundedOrganisation(
      String id, String slug, String adminId, String adminEmail, String adminToken) {}

  /**
   * Registers a new organisation named {@code name} through the gateway (its founder becomes its
   * ADMIN, level 3), so a test's data never meets another test's (fails the test unless 201).
   */
  protected FoundedOrganisation foundOrganisation(String name) {
    GatewayResponse registered =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "owner-%s@example.com", "first_name": "Owner", "last_name": "Of %s",
                 "password1": "%s", "password2": "%s",
                 "organization_name": "%s"}
                """
                    .formatted(
                        java.util.UUID.randomUUID(),
                        name,
                        FOUNDER_PASSWORD,
                        FOUNDER_PASSWORD,
                        name));
    org.assertj.core.api.Assertions.assertThat(registered.status())
        .as(registered.toString())
        .isEqualTo(201);
    JsonNode user = registered.json().path("user");
    return new FoundedOrganisation(
        user.path("organization").path("id").asString(),
        user.path("organization").path("slug").asString(),
        user.path("id").asString(),
        user.path("email").asString(),
        registered.json().path("tokens").path("access").asString());
  }

  /** The demo organisation's admin, as the launcher bootstrapped them. */
  protected String demoAdminToken() {
    return accessToken(stack().admin().email(), stack().admin().password());
  }
}
