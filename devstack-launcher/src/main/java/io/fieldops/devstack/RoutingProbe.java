package io.fieldops.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Which services the gateway can route to yet. A service is UP before the gateway's next registry
 * fetch sees it; asking the gateway's {@code /gateway/services} (ids and instance counts) avoids
 * printing "running" while the first requests would still answer 503.
 */
final class RoutingProbe {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The services among {@code names} that the gateway does not list yet. */
  List<String> notYetRoutable(String gatewayUrl, Collection<String> names) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gatewayUrl + "/gateway/services"))
            .timeout(Duration.ofSeconds(3))
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return List.copyOf(names);
      }
      return missingFrom(response.body(), names);
    } catch (IOException e) {
      return List.copyOf(names);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.copyOf(names);
    }
  }

  /**
   * The names absent from {@code {"services":[{"service_id":"gateway","instances":1}]}}. A plain
   * text match keeps the launcher free of a JSON library; ids are lower-case service names.
   */
  static List<String> missingFrom(String body, Collection<String> names) {
    String compact = body.replace(" ", "");
    return names.stream()
        .filter(name -> !compact.contains("\"service_id\":\"" + name + "\""))
        .toList();
  }
}
