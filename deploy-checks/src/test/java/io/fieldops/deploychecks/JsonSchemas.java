package io.fieldops.deploychecks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-schema validation (networknt) for what no typed model on Maven Central covers: the
 * CloudNativePG kinds and prometheus-operator's PodMonitor (schemas written for this project, see
 * schemas/README.md), and docker-compose.yml (the compose specification's schema).
 */
final class JsonSchemas {

  /** apiVersion + " " + kind to a schema under src/test/resources/schemas. */
  static final Map<String, String> SCHEMAS =
      Map.of(
          "postgresql.cnpg.io/v1 Cluster", "cnpg/cluster.json",
          "postgresql.cnpg.io/v1 Database", "cnpg/database.json",
          "postgresql.cnpg.io/v1 ScheduledBackup", "cnpg/scheduledbackup.json",
          "barmancloud.cnpg.io/v1 ObjectStore", "cnpg/objectstore.json",
          "monitoring.coreos.com/v1 PodMonitor", "prometheus-operator/podmonitor.json");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonSchemas() {}

  static boolean covers(JsonNode object) {
    return SCHEMAS.containsKey(StrictModels.key(object));
  }

  static List<String> problems(JsonNode object) {
    return validate(
        schema(SCHEMAS.get(StrictModels.key(object)), SpecificationVersion.DRAFT_7), object);
  }

  static List<String> validate(Schema schema, JsonNode instance) {
    List<Error> errors = schema.validate(instance);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private static void dropIds(JsonNode node) {
    if (node instanceof tools.jackson.databind.node.ObjectNode object) {
      if (object.path("id").isString()) {
        object.remove("id");
      }
    }
    for (JsonNode child : node) {
      dropIds(child);
    }
  }

  static Schema schema(String resource, SpecificationVersion version) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema /schemas/" + resource);
      }
      JsonNode node = JSON.readTree(in);
      // compose-spec's 2021 schema still carries draft-04 "id" members, which 2019-09 does not
      // know and which carry no rule: drop them rather than let the validator refuse the schema.
      dropIds(node);
      return SchemaRegistry.withDefaultDialect(version).getSchema(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
