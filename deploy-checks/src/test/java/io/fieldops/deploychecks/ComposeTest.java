package io.fieldops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml against the compose specification's schema, and the fresh-clone rules of issue
 * 17 (no Docker engine here: this is the proof the build can give).
 */
class ComposeTest {

  /**
   * Read with SnakeYAML, which resolves the file's anchors and merge keys as Docker Compose does.
   */
  private static final JsonNode COMPOSE = compose();

  private static JsonNode compose() {
    try {
      Object tree =
          new org.yaml.snakeyaml.Yaml()
              .load(Files.readString(Manifests.ROOT.resolve("docker-compose.yml")));
      return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(tree);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void matchesTheComposeSpecification() {
    var schema =
        JsonSchemas.schema("compose-spec/compose-spec.json", SpecificationVersion.DRAFT_2019_09);
    assertThat(JsonSchemas.validate(schema, COMPOSE)).isEmpty();
  }

  @Test
  void everyServiceHasAMemoryLimitAndOnlyTheGatewayIsPublished() {
    COMPOSE
        .path("services")
        .properties()
        .forEach(
            entry -> {
              assertThat(entry.getValue().path("mem_limit").asString(""))
                  .as(entry.getKey() + " mem_limit")
                  .isNotEmpty();
              assertThat(entry.getValue().has("ports"))
                  .as(entry.getKey() + " published")
                  .isEqualTo(entry.getKey().equals("gateway"));
            });
  }

  /**
   * As in k8s, the gateway and every service answer the actuator on a port of its own (metrics
   * without a token), which the health check asks; the service port serves no metrics.
   */
  @Test
  void theGatewayAndEveryServiceHaveAManagementPortTheHealthCheckAsks() {
    COMPOSE
        .path("services")
        .properties()
        .forEach(
            entry -> {
              JsonNode environment = entry.getValue().path("environment");
              if (!environment.has("SERVER_PORT") || entry.getKey().equals("discovery")) {
                return;
              }
              assertThat(environment.path("MANAGEMENT_SERVER_PORT").asString(""))
                  .as(entry.getKey() + " MANAGEMENT_SERVER_PORT")
                  .isEqualTo("9090");
              assertThat(entry.getValue().path("healthcheck").path("test").toString())
                  .as(entry.getKey() + " healthcheck")
                  .contains("/dev/tcp/127.0.0.1/$${MANAGEMENT_SERVER_PORT:-$${SERVER_PORT}}");
            });
  }

  @Test
  void kafkaKeepsItsLogsOnTheVolumeAndHasAHealthcheck() {
    JsonNode kafka = COMPOSE.path("services").path("kafka");
    String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asString("");
    String mount = kafka.path("volumes").get(0).asString();
    assertThat(mount).startsWith("kafka-data:");
    assertThat(logDirs).startsWith(mount.substring(mount.indexOf(':') + 1) + "/");
    assertThat(kafka.path("healthcheck").path("test").toString())
        .contains("kafka-broker-api-versions");
  }

  @Test
  void postgresIsCheckedOverTcp() {
    assertThat(
            COMPOSE.path("services").path("postgres").path("healthcheck").path("test").toString())
        .contains("\"-h\",\"127.0.0.1\"");
  }

  @Test
  void theImageBuildsFromAFreshClone() throws Exception {
    String dockerfile = Files.readString(Manifests.ROOT.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains("--mount=type=cache,target=/root/.m2")
        .contains("./mvnw")
        .doesNotContain("COPY ${MODULE}/target");
    assertThat(Files.readAllLines(Manifests.ROOT.resolve(".dockerignore")))
        .contains("**/target", ".git");
  }
}
