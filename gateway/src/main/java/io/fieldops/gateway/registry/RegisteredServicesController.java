package io.fieldops.gateway.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.List;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Which services the gateway can route to right now, as its discovery client sees them. Public so
 * that the devstack, system tests and people can check "is everything up" without a token; it
 * reveals only service ids and instance counts, never addresses.
 */
@RestController
class RegisteredServicesController {

  private final ReactiveDiscoveryClient discovery;

  RegisteredServicesController(ReactiveDiscoveryClient discovery) {
    this.discovery = discovery;
  }

  @GetMapping("/gateway/services")
  Mono<RegisteredServices> services() {
    return discovery
        .getServices()
        .flatMap(
            serviceId ->
                discovery
                    .getInstances(serviceId)
                    .count()
                    .map(count -> new RegisteredService(serviceId, count)))
        .filter(service -> service.instances() > 0)
        .sort(Comparator.comparing(RegisteredService::serviceId))
        .collectList()
        .map(RegisteredServices::new);
  }

  record RegisteredServices(List<RegisteredService> services) {}

  record RegisteredService(@JsonProperty("service_id") String serviceId, long instances) {}
}
