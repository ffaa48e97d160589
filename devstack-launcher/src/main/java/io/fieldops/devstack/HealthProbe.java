package io.fieldops.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service's actuator, on its management port, whether it is up. Spring Boot answers 200 only
 * for UP (DOWN and OUT_OF_SERVICE are 503), so the status code is the verdict and no JSON parsing
 * is needed.
 */
final class HealthProbe {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  boolean isUp(int managementPort) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health"))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
