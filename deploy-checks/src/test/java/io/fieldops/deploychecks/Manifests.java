package io.fieldops.deploychecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders the Kustomize overlays and reads YAML documents. */
final class Manifests {

  static final ObjectMapper YAML = YAMLMapper.builder().build();

  /** The repository root: this module's parent directory. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  static final List<String> OVERLAYS = List.of("dev", "prod");

  private Manifests() {}

  /**
   * {@code kubectl kustomize k8s/overlays/<name>}. Fails with a clear message when kubectl is
   * missing: a copy of the rendered output could drift from the sources unnoticed, so the build
   * insists on rendering (.ci/run installs Debian's kubectl when it is absent).
   */
  static List<ObjectNode> render(String overlay) {
    Path kubectl = Path.of("/usr/bin/kubectl");
    String found = System.getenv().getOrDefault("KUBECTL", kubectl.toString());
    if (!Files.isExecutable(Path.of(found))) {
      throw new IllegalStateException(
          "kubectl not found at "
              + found
              + ": the manifest checks render k8s/overlays with `kubectl kustomize`. Install it"
              + " (Debian: apt-get install kubectl) or set KUBECTL to its path.");
    }
    Path dir = ROOT.resolve("k8s/overlays").resolve(overlay);
    try {
      Process process =
          new ProcessBuilder(found, "kustomize", dir.toString())
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
      }
      return documents(out);
    } catch (IOException e) {
      throw new IllegalStateException("kubectl kustomize " + dir + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every non-empty document of a multi-document YAML text. */
  static List<ObjectNode> documents(String yaml) {
    List<ObjectNode> docs = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node instanceof ObjectNode object) {
          docs.add(object);
        }
      }
    }
    return docs;
  }

  static List<ObjectNode> read(Path file) {
    try {
      return documents(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String kind(JsonNode object) {
    return object.path("kind").asString("");
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asString("");
  }

  static String id(JsonNode object) {
    return kind(object) + "/" + name(object);
  }

  static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind(o).equals(kind)).toList();
  }
}
