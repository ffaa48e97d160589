package io.fieldops.systemtests;

import io.fieldops.devstack.Devstack;
import org.junit.jupiter.api.extension.ExtendWith;

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

  /** The demo organisation's admin, as the launcher bootstrapped them. */
  protected String demoAdminToken() {
    return accessToken(stack().admin().email(), stack().admin().password());
  }
}
