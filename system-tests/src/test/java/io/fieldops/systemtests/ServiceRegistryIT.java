package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.devstack.ServiceCatalog;
import io.fieldops.devstack.ServiceCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every launched service registers with discovery, and the gateway sees each of them. */
class ServiceRegistryIT extends SystemTest {

  /** Registrations reach the gateway after a registry fetch (every 5 s under the devstack). */
  private static final Duration REGISTRY_DELAY = Duration.ofSeconds(60);

  @Test
  void theGatewayListsEveryRunningService() {
    // Discovery is the registry itself and does not register with it.
    List<String> expected =
        stack().running().stream().filter(name -> !name.equals(ServiceCatalog.DISCOVERY)).toList();

    await()
        .atMost(REGISTRY_DELAY)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              GatewayResponse answer = gateway().get("/gateway/services");
              assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
              assertThat(serviceIds(answer.json()))
                  .as(answer.toString())
                  .containsExactlyInAnyOrderElementsOf(expected);
            });
  }

  @Test
  void eurekaHoldsTheGatewaysRegistration() {
    // the registry answers only with its credentials (HTTP basic), the devstack's development ones
    String credentials =
        ServiceCommand.DISCOVERY_USERNAME + ":" + ServiceCommand.DISCOVERY_PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack().discoveryUrl() + "/eureka/apps"))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10))
            .build();

    await()
        .atMost(REGISTRY_DELAY)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              HttpResponse<String> response =
                  HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
              JsonNode apps = JsonMapper.builder().build().readTree(response.body());
              assertThat(eurekaAppNames(apps)).contains("GATEWAY");
            });
  }

  private static List<String> serviceIds(JsonNode answer) {
    return StreamSupport.stream(answer.get("services").spliterator(), false)
        .map(service -> service.get("service_id").asString().toLowerCase(Locale.ROOT))
        .toList();
  }

  /** {"applications": {"application": [{"name": "GATEWAY", ...}]}} */
  private static List<String> eurekaAppNames(JsonNode apps) {
    JsonNode list = apps.path("applications").path("application");
    return StreamSupport.stream(list.spliterator(), false)
        .map(app -> app.get("name").asString())
        .toList();
  }
}
