package io.fieldops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The checks fail on a deliberately broken manifest, each for its precise reason. */
class BrokenManifestTest {

  private static final List<ObjectNode> BROKEN =
      Manifests.read(Path.of("src/test/resources/fixtures/broken.yaml"));

  @Test
  void schemaCheckNamesTheUnknownFieldTheOldApiAndTheBadName() {
    assertThat(ManifestChecks.schemaProblems(BROKEN))
        .containsExactlyInAnyOrder(
            "Deployment/gateway: Unrecognized field \"imagePullPolcy\" (class io.fabric8.kubernetes.api.model.Container), not marked as ignorable at /spec/template/spec/containers/0/imagePullPolcy",
            "KafkaTopic/users.DLT: metadata.name is not a DNS-1123 subdomain",
            "KafkaTopic/users.DLT: no schema or model for kafka.strimzi.io/v1beta2 KafkaTopic");
  }

  @Test
  void deploymentCheckNamesEachHardeningAndSizingDefect() {
    assertThat(ManifestChecks.deploymentProblems(BROKEN))
        .containsExactlyInAnyOrder(
            "Deployment/gateway: sets spec.replicas although an HPA scales it (apply resets it)",
            "Deployment/gateway container gateway: readOnlyRootFilesystem is not true",
            "Deployment/gateway container gateway: /tmp is not a writable emptyDir",
            "Deployment/gateway container gateway: terminationGracePeriodSeconds 30 is not longer than preStop 5 s + shutdown phase 30 s",
            "Deployment/gateway container gateway: JVM needs 992 MiB (heap, direct, metaspace, code cache, 128 native) but the limit is 512 MiB");
  }

  @Test
  void managementCheckNamesEachWayTheActuatorCouldBeReachedOrMissed() {
    assertThat(ManifestChecks.managementPortProblems(BROKEN))
        .containsExactlyInAnyOrder(
            "Deployment/gateway container gateway: no containerPort named management",
            "Deployment/gateway container gateway: readinessProbe is not on the management port",
            "Service/gateway: leads to the management port",
            "PodMonitor/fieldops-gateway: scrapes port http, not management",
            "NetworkPolicy/gateway-from-anyone: opens the management port beyond the monitoring"
                + " namespace");
  }

  @Test
  void secretCheckNamesTheMissingKey() {
    assertThat(ManifestChecks.secretProblems(BROKEN, BROKEN))
        .containsExactlyInAnyOrder(
            "Deployment/gateway: FIELDOPS_AUTH_CLIENTS_0_SECRETHASH reads secret fieldops-auth key booking-service-secret-hash, which the dev overlay does not provide");
  }

  @Test
  void environmentCheckNamesTheVariableThatBindsToNothing() {
    assertThat(ManifestChecks.environmentProblems(BROKEN, ServiceModules.all()))
        .containsExactlyInAnyOrder(
            "Deployment/gateway: FIELDOPS_GATEWAY_TRUSTED_PROXIES (fieldops.gateway.trusted.proxies) binds to no property gateway reads",
            "Deployment/gateway: FIELDOPS_AUTH_CLIENTS_0_SECRETHASH (fieldops.auth.clients.0.secrethash) binds to no property gateway reads");
  }
}
