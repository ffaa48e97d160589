package io.fieldops.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a management port of its own (the k8s manifests give it one for the probes and the metrics
 * scraper), the gateway serves prometheus there without a token, and still nothing beyond health
 * and info on the public port.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"eureka.client.enabled=false", "spring.cloud.loadbalancer.cache.enabled=false"})
class ManagementPortTest {

  static final int MANAGEMENT_PORT = freePort();

  @DynamicPropertySource
  static void managementPort(DynamicPropertyRegistry registry) {
    // as the k8s manifests set them (MANAGEMENT_SERVER_PORT, MANAGEMENT_ENDPOINTS_WEB_...)
    registry.add("management.server.port", () -> MANAGEMENT_PORT);
    registry.add("management.endpoints.web.exposure.include", () -> "health,info,prometheus");
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theScraperReadsMetricsOnTheManagementPortAndNobodyOnThePublicOne() throws Exception {
    HttpResponse<String> metrics = get(MANAGEMENT_PORT, "/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(get(MANAGEMENT_PORT, "/actuator/health/readiness").statusCode()).isEqualTo(200);

    HttpResponse<String> outside = get(port, "/actuator/prometheus");
    assertThat(outside.statusCode()).isEqualTo(404);
    assertThat(outside.body()).doesNotContain("jvm_memory_used_bytes");
  }

  private HttpResponse<String> get(int toPort, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
