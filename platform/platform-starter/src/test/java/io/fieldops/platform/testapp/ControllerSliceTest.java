package io.fieldops.platform.testapp;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;

/**
 * A service's controller slice test gets the platform too (WebMvcTest.imports): problem bodies,
 * CurrentUser, snake_case and trailing slashes, with Spring Security's {@code jwt()} instead of a
 * token issuer.
 */
@WebMvcTest(ErrorScenariosController.class)
class ControllerSliceTest {

  @Autowired MockMvc mvc;

  @MockitoBean JwtDecoder jwtDecoder; // jwt() bypasses decoding; the chain only needs one to exist
  @MockitoBean RestClient.Builder restClientBuilder;
  @MockitoBean SlotService slotService;

  private static RequestPostProcessor agent() {
    return jwt()
        .jwt(
            token ->
                token
                    .subject(UUID.randomUUID().toString())
                    .claim("org_id", UUID.randomUUID().toString())
                    .claim("roles", List.of("AGENT"))
                    .claim("level", 1));
  }

  @Test
  void currentUserComesFromTheJwt() throws Exception {
    mvc.perform(get("/test/me/").with(agent()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("AGENT"))
        .andExpect(jsonPath("$.level").value(1));
  }

  @Test
  void roleCheckAnswersProblem() throws Exception {
    mvc.perform(get("/test/admin-only").with(agent()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.error").value("Access denied"))
        .andExpect(jsonPath("$.success").value(false));
  }

  @Test
  void validationAnswersProblemWithSnakeCaseDetails() throws Exception {
    mvc.perform(
            post("/test/jobcards")
                .with(agent())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"service_name\": \"x\", \"client_data\": {\"name\": \"A\", \"mobile\": \"1\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.details.client_data.mobile").exists());
  }

  @Test
  void noTokenIs401Problem() throws Exception {
    mvc.perform(get("/test/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
        .andExpect(jsonPath("$.error").value("Authentication required"));
  }
}
