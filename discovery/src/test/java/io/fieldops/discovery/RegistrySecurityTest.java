package io.fieldops.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registry answers only callers with its credentials: an anonymous caller can neither register
 * a fake AUTH-SERVICE (and so receive the logins the gateway routes to it) nor read where the
 * services are. A real discovery server on a random port, plain HTTP calls as a Eureka client
 * makes.
 */
class RegistrySecurityTest {

  static final String USERNAME = "fieldops";
  static final String PASSWORD = "registry-test-password-0123";

  private static ConfigurableApplicationContext server;
  private static String base;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(DiscoveryApplication.class)
            .run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--fieldops.discovery.password=" + PASSWORD);
    base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An instance of AUTH-SERVICE as a Eureka client registers it (JSON, like the RestClient). */
  private static String authServiceInstance(String instanceId) {
    return """
        {"instance": {
          "instanceId": "%s", "hostName": "attacker.example", "app": "AUTH-SERVICE",
          "ipAddr": "203.0.113.66", "vipAddress": "auth-service", "secureVipAddress": "auth-service",
          "status": "UP", "overriddenStatus": "UNKNOWN",
          "port": {"$": 8001, "@enabled": "true"}, "securePort": {"$": 443, "@enabled": "false"},
          "countryId": 1,
          "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                             "name": "MyOwn"},
          "leaseInfo": {"renewalIntervalInSecs": 30, "durationInSecs": 90}}}
        """
        .formatted(instanceId);
  }

  private static HttpResponse<String> register(String instanceId, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/eureka/apps/AUTH-SERVICE"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(authServiceInstance(instanceId)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static PeerAwareInstanceRegistry registry() {
    return server.getBean(PeerAwareInstanceRegistry.class);
  }

  @Test
  void anAnonymousOrWronglyAuthenticatedRegistrationIsRefused() throws Exception {
    String instanceId = "fake-" + UUID.randomUUID();

    assertThat(register(instanceId, null).statusCode()).isEqualTo(401);
    assertThat(register(instanceId, basic(USERNAME, "not-the-password-000")).statusCode())
        .isEqualTo(401);
    assertThat(register(instanceId, basic("someone-else", PASSWORD)).statusCode()).isEqualTo(401);

    assertThat(registry().getInstanceByAppAndId("AUTH-SERVICE", instanceId)).isNull();
  }

  @Test
  void theRegistryIsNotReadAnonymously() throws Exception {
    for (String path :
        new String[] {"/eureka/apps", "/eureka/apps/", "/eureka/apps/AUTH-SERVICE"}) {
      HttpResponse<String> answer = get(path, null);
      assertThat(answer.statusCode()).as(path).isEqualTo(401);
      assertThat(answer.body()).as(path).doesNotContain("AUTH-SERVICE");
    }
  }

  @Test
  void withTheCredentialsAnInstanceRegistersAndTheRegistryIsRead() throws Exception {
    String instanceId = "real-" + UUID.randomUUID();

    assertThat(register(instanceId, basic(USERNAME, PASSWORD)).statusCode()).isEqualTo(204);

    assertThat(registry().getInstanceByAppAndId("AUTH-SERVICE", instanceId)).isNotNull();
    HttpResponse<String> apps = get("/eureka/apps", basic(USERNAME, PASSWORD));
    assertThat(apps.statusCode()).isEqualTo(200);
    assertThat(apps.body()).contains(instanceId);
    registry().cancel("AUTH-SERVICE", instanceId, false);
  }

  @Test
  void theDashboardAsksForTheSameCredentials() throws Exception {
    HttpResponse<String> anonymous = get("/", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));

    HttpResponse<String> dashboard = get("/", basic(USERNAME, PASSWORD));
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Instances currently registered with Eureka");
    assertThat(get("/eureka/css/wro.css", basic(USERNAME, PASSWORD)).statusCode()).isEqualTo(200);
  }

  @Test
  void healthStaysOpenForProbes() throws Exception {
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
  }

  @Test
  void withoutAPasswordTheRegistryDoesNotStartAndSaysWhichPropertyToSet() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(DiscoveryApplication.class)
                    .run("--server.port=0", "--spring.jmx.enabled=false")
                    .close())
        .hasStackTraceContaining("fieldops.discovery.password (FIELDOPS_DISCOVERY_PASSWORD)")
        .hasStackTraceContaining("is not set");
  }

  @Test
  void aWeakOrUrlUnsafePasswordIsRefusedAtStart() {
    for (String password : new String[] {"short", "has@and:in-it-0123456"}) {
      assertThatThrownBy(
              () ->
                  new SpringApplicationBuilder(DiscoveryApplication.class)
                      .run(
                          "--server.port=0",
                          "--spring.jmx.enabled=false",
                          "--fieldops.discovery.password=" + password)
                      .close())
          .as(password)
          .hasStackTraceContaining(
              "fieldops.discovery.password (FIELDOPS_DISCOVERY_PASSWORD) must");
    }
  }
}
