package io.fieldops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Renders each overlay with kubectl kustomize and runs every check on what it renders. */
class OverlaysTest {

  private static final Map<String, ServiceModules.Module> MODULES = ServiceModules.all();
  private static final List<ObjectNode> DEV = Manifests.render("dev");

  private static List<ObjectNode> render(String overlay) {
    return overlay.equals("dev") ? DEV : Manifests.render(overlay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectMatchesItsSchemaOrModel(String overlay) {
    List<ObjectNode> objects = render(overlay);
    assertThat(objects).hasSizeGreaterThan(50);
    assertThat(ManifestChecks.schemaProblems(objects)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyServiceModuleHasItsObjects(String overlay) {
    assertThat(MODULES)
        .containsKeys(
            "auth-service",
            "customer-service",
            "booking-service",
            "ticket-service",
            "jobcard-service",
            "notification-service",
            "gateway",
            "discovery");
    assertThat(ManifestChecks.completenessProblems(render(overlay), MODULES)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void deploymentsAreHardenedAndSized(String overlay) {
    assertThat(ManifestChecks.deploymentProblems(render(overlay))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theActuatorAnswersOnTheManagementPortOnly(String overlay) {
    assertThat(ManifestChecks.managementPortProblems(render(overlay))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everySecretKeyReadExistsInTheDevOverlay(String overlay) {
    assertThat(ManifestChecks.secretProblems(render(overlay), DEV)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyEnvironmentVariableBindsToAPropertyTheServiceReads(String overlay) {
    assertThat(ManifestChecks.environmentProblems(render(overlay), MODULES)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void kubernetesServicesReplaceEurekaForEveryPeer(String overlay) {
    List<ObjectNode> objects = render(overlay);
    ObjectNode config =
        ManifestChecks.find(objects, "ConfigMap", "fieldops-kubernetes").orElseThrow();
    var yaml =
        Manifests.documents(config.path("data").path("application.yaml").asString()).getFirst();
    assertThat(yaml.path("eureka").path("client").path("enabled").asBoolean(true)).isFalse();
    var instances =
        yaml.path("spring")
            .path("cloud")
            .path("discovery")
            .path("client")
            .path("simple")
            .path("instances");
    for (ObjectNode service : Manifests.ofKind(objects, "Service")) {
      String name = Manifests.name(service);
      if (name.equals("gateway")) {
        continue; // nobody calls the gateway through lb://
      }
      int port = service.path("spec").path("ports").get(0).path("port").asInt();
      assertThat(instances.path(name).get(0).path("uri").asString())
          .isEqualTo("http://" + name + ":" + port);
    }
  }

  @org.junit.jupiter.api.Test
  void prodPinsReleasedImagesUnderTheProjectRegistry() {
    for (ObjectNode deployment : Manifests.ofKind(render("prod"), "Deployment")) {
      String image =
          deployment
              .path("spec")
              .path("template")
              .path("spec")
              .path("containers")
              .get(0)
              .path("image")
              .asString();
      assertThat(image)
          .as(Manifests.id(deployment))
          .startsWith("registry.fieldops.example/fieldops/")
          .matches(".*:\\d+\\.\\d+\\.\\d+(@sha256:[0-9a-f]{64})?");
    }
  }
}
