package io.fieldops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server refuses before routing (Reactor Netty's decoder, the URI parse, Spring Security's
 * firewall) is a problem like every other gateway error: right status, problem+json, no internals.
 */
@GatewayTest
class MalformedRequestTest {

  static final String LONG = "a".repeat(10_000);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  static Stream<Arguments> refusals() {
    return Stream.of(
        refusal("bad percent-encoding", "/api/v1/customers?page=%zz", 400, "bad-request"),
        refusal("a lone % in the path", "/api/v1/customers/50%", 400, "bad-request"),
        refusal("..", "/api/v1/customers/../auth/me", 400, "bad-request"),
        refusal("an encoded NUL", "/api/v1/customers/%00", 400, "bad-request"),
        refusal("an encoded slash", "/api/v1/customers/a%2Fb", 400, "bad-request"),
        refusal("a 10 000-character path", "/api/v1/customers/" + LONG, 414, "uri-too-long"),
        refusal("a 10 000-character query", "/api/v1/customers?q=" + LONG, 414, "uri-too-long"),
        refusal(
            "a 20 000-byte header",
            "/api/v1/customers",
            431,
            "request-header-fields-too-large",
            "X-Big: " + LONG + LONG),
        refusal("a header name with a space", "/api/v1/customers", 400, "bad-request", "X Bad: 1"),
        refusal("an unclosed IPv6 host", "/api/v1/customers", 400, "bad-request", "Host: [::1"),
        refusal("a named port", "/api/v1/customers", 400, "bad-request", "Host: localhost:http"));
  }

  static Arguments refusal(
      String what, String target, int status, String code, String... headerLines) {
    return Arguments.of(what, target, status, code, List.of(headerLines));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("refusals")
  void isAProblem(String what, String target, int status, String code, List<String> headerLines) {
    RawHttp.Response answer = RawHttp.get(port, target, headerLines.toArray(String[]::new));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    // no stack trace, exception or class name
    assertThat(answer.body())
        .doesNotContain("Exception", "io.netty", "org.springframework", "reactor.", "\tat ");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.propertyNames())
        .containsAll(Set.of("type", "title", "status", "detail", "success", "error", "message"));
    assertThat(problem.get("type").asString()).isEqualTo("urn:fieldops:problem:" + code);
    assertThat(problem.get("title").asString())
        .isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("success").asBoolean()).isFalse();
    assertThat(problem.get("error").asString()).isNotBlank();
    assertThat(problem.get("detail").asString())
        .isNotBlank()
        .isEqualTo(problem.get("message").asString());
  }

  /** Issue 16's fuzzer: left to the service, a 3 MB body came back as 503 "unavailable". */
  @org.junit.jupiter.api.Test
  void aBodyLargerThanAnyServiceTakesIs413HereBeforeRouting() {
    var answer =
        new GatewayClient(port)
            .post("/api/auth/logout/", null, "{\"refresh\": \"" + "x".repeat(2_000_000) + "\"}");

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:fieldops:problem:payload-too-large");
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("detail").asString())
        .isEqualTo("The request body is larger than 1024 KB");
  }
}
