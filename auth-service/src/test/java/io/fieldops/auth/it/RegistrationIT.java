package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistrationIT extends AuthIntegrationTest {

  @Test
  void seed002RegistrationAnswersUserAndTokens() {
    String email = uniqueEmail("seed");
    Http.Response response = register(email, "+15551234567");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.path("tokens").path("access").asString()).isNotBlank();
    assertThat(body.path("tokens").path("refresh").asString()).isNotBlank();
    assertThat(body.path("user").path("email").asString()).isEqualTo(email);
  }
}
