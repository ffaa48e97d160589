package io.fieldops.deploychecks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The runnable services of the root pom and the properties each one reads: its application.yml, the
 * platform's defaults, and the prefixes of its (and its platform libraries')
 * {@code @ConfigurationProperties}.
 */
final class ServiceModules {

  /**
   * Modules with an application.yml that Kubernetes does not run, and why. The check fails if one
   * of them gets a Deployment anyway, or if another module has none.
   */
  static final Map<String, String> NOT_DEPLOYED_IN_KUBERNETES =
      Map.of(
          "discovery",
          "Eureka runs under the devstack and compose only; in Kubernetes the services reach each"
              + " other through Services (k8s/README.md, Discovery)");

  /** A runnable service: its module directory name, properties and database (or null). */
  record Module(String name, Set<String> properties, Set<String> prefixes, String database) {

    boolean usesKafka() {
      return prefixes.stream().anyMatch(p -> p.startsWith("fieldops.events"));
    }
  }

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern CONFIG_PROPERTIES =
      Pattern.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)");

  /** A properties record's header: its components are the properties under the prefix. */
  private static final Pattern RECORD =
      Pattern.compile(
          "@ConfigurationProperties\\(\"([^\"]+)\"\\)\\s*public\\s+record\\s+\\w+\\((.*?)\\)\\s*(implements[^{]*)?\\{",
          Pattern.DOTALL);

  private ServiceModules() {}

  /** Every root-pom module with a src/main/resources/application.yml, by name. */
  static Map<String, Module> all() {
    Map<String, Module> modules = new TreeMap<>();
    for (String dir : rootModules()) {
      Path yml = Manifests.ROOT.resolve(dir).resolve("src/main/resources/application.yml");
      if (!Files.exists(yml)) {
        continue;
      }
      Set<String> properties = new HashSet<>();
      for (JsonNode doc : Manifests.read(yml)) {
        flatten("", doc, properties);
      }
      Set<String> prefixes = new HashSet<>(configurationPrefixes(Manifests.ROOT.resolve(dir)));
      String pom = readString(Manifests.ROOT.resolve(dir).resolve("pom.xml"));
      for (String platform : List.of("platform-starter", "platform-events", "platform-net")) {
        if (pom.contains("<artifactId>" + platform + "</artifactId>")) {
          prefixes.addAll(
              configurationPrefixes(Manifests.ROOT.resolve("platform").resolve(platform)));
        }
      }
      if (pom.contains("<artifactId>platform-starter</artifactId>")) {
        properties.addAll(platformDefaults());
        // Bound with Spring's Binder by PeerClientsAutoConfiguration, not a properties class.
        prefixes.add("fieldops.peers");
      }
      String url = properties.contains("spring.datasource.url") ? datasourceUrl(yml) : null;
      String database = url == null ? null : url.substring(url.lastIndexOf('/') + 1);
      modules.put(dir, new Module(dir, Set.copyOf(properties), Set.copyOf(prefixes), database));
    }
    return modules;
  }

  /** {@code FIELDOPS_AUTH_CLIENTS_0_ID} as Spring's relaxed binding reads it. */
  static String fromEnv(String env) {
    return env.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** {@code fieldops.gateway.trusted-proxies[0]} in the form {@link #fromEnv} compares with. */
  static String canonical(String property) {
    return property
        .toLowerCase(Locale.ROOT)
        .replace("-", "")
        .replaceAll("\\[(\\d+)]", ".$1")
        .replaceAll("\\[([^]]+)]", ".$1");
  }

  private static List<String> rootModules() {
    Matcher m = MODULE.matcher(readString(Manifests.ROOT.resolve("pom.xml")));
    List<String> modules = new java.util.ArrayList<>();
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  private static void flatten(String prefix, JsonNode node, Set<String> out) {
    if (node.isObject()) {
      for (var entry : node.properties()) {
        flatten(
            prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
            entry.getValue(),
            out);
      }
    } else if (node.isArray()) {
      out.add(prefix);
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.add(prefix);
    }
  }

  private static String datasourceUrl(Path yml) {
    return Manifests.read(yml).getFirst().path("spring").path("datasource").path("url").asString();
  }

  private static Set<String> platformDefaults() {
    Path file =
        Manifests.ROOT.resolve(
            "platform/platform-starter/src/main/resources/fieldops/platform-defaults.properties");
    Set<String> keys = new HashSet<>();
    for (String line : readString(file).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
        keys.add(line.substring(0, line.indexOf('=')).trim());
      }
    }
    return keys;
  }

  private static Set<String> configurationPrefixes(Path module) {
    Path sources = module.resolve("src/main/java");
    Set<String> prefixes = new HashSet<>();
    if (!Files.isDirectory(sources)) {
      return prefixes;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String source = readString(f);
                Matcher r = RECORD.matcher(source);
                if (r.find()) {
                  // a record: prefix.component for each component, so a misspelt name fails
                  for (String component : components(r.group(2))) {
                    prefixes.add(r.group(1) + "." + component);
                  }
                  return;
                }
                Matcher m = CONFIG_PROPERTIES.matcher(source);
                while (m.find()) {
                  prefixes.add(m.group(1));
                }
              });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return prefixes;
  }

  /** The component names of a record header such as {@code @NotNull List<String> a, Duration b}. */
  static List<String> components(String header) {
    String plain = header.replaceAll("@\\w+(\\.\\w+)*(\\([^)]*\\))?", " ");
    String previous;
    do {
      previous = plain;
      plain = plain.replaceAll("<[^<>]*>", "");
    } while (!plain.equals(previous));
    List<String> names = new java.util.ArrayList<>();
    for (String parameter : plain.split(",")) {
      String[] words = parameter.trim().split("\\s+");
      names.add(
          words[words.length - 1]
              .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
              .toLowerCase(Locale.ROOT));
    }
    return names;
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
