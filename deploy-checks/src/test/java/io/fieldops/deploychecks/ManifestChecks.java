package io.fieldops.deploychecks;

import static io.fieldops.deploychecks.Manifests.id;
import static io.fieldops.deploychecks.Manifests.kind;
import static io.fieldops.deploychecks.Manifests.name;
import static io.fieldops.deploychecks.Manifests.ofKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks on rendered manifests. Each returns the problems it found as sentences naming the
 * object and the rule, so a test can assert the exact reasons (see BrokenManifestTest).
 */
final class ManifestChecks {

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
  private static final Pattern KUSTOMIZE_HASH = Pattern.compile("-[a-z0-9]{10}$");

  /** Not properties: read by the JVM or by Spring Boot itself before binding. */
  static final Set<String> PLATFORM_VARIABLES =
      Set.of("JAVA_TOOL_OPTIONS", "SPRING_CONFIG_ADDITIONAL_LOCATION", "SPRING_PROFILES_ACTIVE");

  /**
   * Library properties (Spring Boot, Spring Kafka, Spring Cloud Gateway) a Deployment may set
   * although no application.yml names them, in canonical form. Kafka ones only for services that
   * use Kafka (platform-events), datasource ones only for services with a datasource.
   */
  static final Set<String> LIBRARY_PROPERTIES =
      Set.of(
          "server.port",
          "management.server.port",
          "spring.lifecycle.timeoutpershutdownphase",
          "logging.structured.format.console",
          "management.tracing.sampling.probability");

  static final Set<String> KAFKA_PROPERTIES =
      Set.of(
          "spring.kafka.bootstrapservers",
          "spring.kafka.security.protocol",
          "spring.kafka.properties.sasl.mechanism",
          "spring.kafka.properties.sasl.jaas.config",
          "spring.kafka.properties.ssl.truststore.type",
          "spring.kafka.properties.ssl.truststore.certificates");

  static final Set<String> DATASOURCE_PROPERTIES =
      Set.of(
          "spring.datasource.url",
          "spring.datasource.username",
          "spring.datasource.password",
          "spring.datasource.hikari.maximumpoolsize",
          "spring.datasource.hikari.minimumidle");

  static final Set<String> GATEWAY_PROPERTIES =
      Set.of("spring.cloud.gateway.server.webflux.httpclient.pool.maxlifetime");

  private ManifestChecks() {}

  // ---------------------------------------------------------------------------------------------
  // Every object: its schema or model, and a valid name.

  static List<String> schemaProblems(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    for (ObjectNode object : objects) {
      if (!DNS_SUBDOMAIN.matcher(name(object)).matches() || name(object).length() > 253) {
        problems.add(id(object) + ": metadata.name is not a DNS-1123 subdomain");
      }
      if (StrictModels.covers(object)) {
        StrictModels.problem(object).ifPresent(p -> problems.add(id(object) + ": " + p));
      } else if (JsonSchemas.covers(object)) {
        JsonSchemas.problems(object).forEach(p -> problems.add(id(object) + ": " + p));
      } else {
        problems.add(id(object) + ": no schema or model for " + StrictModels.key(object));
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // Deployments: scaling, pod security, shutdown timing, JVM memory.

  static List<String> deploymentProblems(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    Set<String> autoscaled = new HashSet<>();
    for (JsonNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
      autoscaled.add(hpa.path("spec").path("scaleTargetRef").path("name").asString());
    }
    for (JsonNode deployment : ofKind(objects, "Deployment")) {
      String id = id(deployment);
      JsonNode pod = deployment.path("spec").path("template").path("spec");
      if (autoscaled.contains(name(deployment)) && deployment.path("spec").has("replicas")) {
        problems.add(id + ": sets spec.replicas although an HPA scales it (apply resets it)");
      }
      if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
        problems.add(id + ": pod securityContext.runAsNonRoot is not true");
      }
      if (!"RuntimeDefault"
          .equals(pod.path("securityContext").path("seccompProfile").path("type").asString(""))) {
        problems.add(id + ": pod seccompProfile is not RuntimeDefault");
      }
      if (pod.path("automountServiceAccountToken").asBoolean(true)) {
        problems.add(id + ": automountServiceAccountToken is not false");
      }
      if (!name(deployment).equals(pod.path("serviceAccountName").asString(""))) {
        problems.add(id + ": serviceAccountName is not its own (" + name(deployment) + ")");
      }
      if (pod.path("topologySpreadConstraints").isEmpty()) {
        problems.add(id + ": no topologySpreadConstraints");
      }
      Set<String> emptyDirs = new HashSet<>();
      for (JsonNode volume : pod.path("volumes")) {
        if (volume.has("emptyDir")) {
          emptyDirs.add(volume.path("name").asString());
        }
      }
      for (JsonNode container : pod.path("containers")) {
        String where = id + " container " + container.path("name").asString();
        JsonNode security = container.path("securityContext");
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
          problems.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
          problems.add(where + ": readOnlyRootFilesystem is not true");
        }
        List<String> dropped = new ArrayList<>();
        security.path("capabilities").path("drop").forEach(c -> dropped.add(c.asString()));
        if (!dropped.contains("ALL")) {
          problems.add(where + ": capabilities do not drop ALL");
        }
        boolean tmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
          tmp |=
              "/tmp".equals(mount.path("mountPath").asString())
                  && emptyDirs.contains(mount.path("name").asString());
        }
        if (!tmp) {
          problems.add(where + ": /tmp is not a writable emptyDir");
        }
        problems.addAll(shutdownProblems(where, pod, container));
        problems.addAll(memoryProblems(where, container));
      }
    }
    return problems;
  }

  private static List<String> shutdownProblems(String where, JsonNode pod, JsonNode container) {
    long preStop =
        container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
    long shutdown = 30; // spring.lifecycle.timeout-per-shutdown-phase's default
    for (JsonNode env : container.path("env")) {
      if ("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE".equals(env.path("name").asString())) {
        shutdown = seconds(env.path("value").asString());
      }
    }
    long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
    if (grace <= preStop + shutdown) {
      return List.of(
          where
              + ": terminationGracePeriodSeconds "
              + grace
              + " is not longer than preStop "
              + preStop
              + " s + shutdown phase "
              + shutdown
              + " s");
    }
    return List.of();
  }

  private static long seconds(String duration) {
    return duration.endsWith("s")
        ? Long.parseLong(duration.substring(0, duration.length() - 1))
        : Long.parseLong(duration) / 1000;
  }

  /**
   * Heap, direct memory, metaspace and code cache are fixed in JAVA_TOOL_OPTIONS, and with 128 MiB
   * for thread stacks, GC and other native memory they must fit the container's memory limit.
   */
  static List<String> memoryProblems(String where, JsonNode container) {
    String limit = container.path("resources").path("limits").path("memory").asString("");
    if (limit.isEmpty()) {
      return List.of(where + ": no memory limit");
    }
    String options = null;
    for (JsonNode env : container.path("env")) {
      if ("JAVA_TOOL_OPTIONS".equals(env.path("name").asString())) {
        options = env.path("value").asString();
      }
    }
    if (options == null) {
      return List.of(where + ": no JAVA_TOOL_OPTIONS sizing the JVM");
    }
    List<String> problems = new ArrayList<>();
    long total = 128;
    for (String flag :
        List.of(
            "-Xmx",
            "-XX:MaxDirectMemorySize=",
            "-XX:MaxMetaspaceSize=",
            "-XX:ReservedCodeCacheSize=")) {
      Matcher m = Pattern.compile(Pattern.quote(flag) + "(\\d+)([mMgG])").matcher(options);
      if (!m.find()) {
        problems.add(where + ": JAVA_TOOL_OPTIONS has no " + flag);
      } else {
        total += Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
      }
    }
    if (!options.contains("-XX:ActiveProcessorCount=")) {
      problems.add(where + ": JAVA_TOOL_OPTIONS has no -XX:ActiveProcessorCount=");
    }
    long limitMi = mebibytes(limit);
    if (problems.isEmpty() && total > limitMi) {
      problems.add(
          where
              + ": JVM needs "
              + total
              + " MiB (heap, direct, metaspace, code cache, 128 native)"
              + " but the limit is "
              + limitMi
              + " MiB");
    }
    return problems;
  }

  private static long mebibytes(String quantity) {
    if (quantity.endsWith("Gi")) {
      return Long.parseLong(quantity.replace("Gi", "")) * 1024;
    }
    if (quantity.endsWith("Mi")) {
      return Long.parseLong(quantity.replace("Mi", ""));
    }
    throw new IllegalArgumentException("memory limit in Mi or Gi expected: " + quantity);
  }

  // ---------------------------------------------------------------------------------------------
  // The management port: the actuator (probes, metrics, operator endpoints) without a token, so
  // reached by the kubelet, Prometheus and an operator's port-forward only.

  static final String MANAGEMENT = "management";

  private static final List<String> PROBES =
      List.of("startupProbe", "livenessProbe", "readinessProbe");

  /**
   * Every container has a port named management that MANAGEMENT_SERVER_PORT gives the actuator, and
   * probes it (the actuator leaves the service's port then); no Service leads to it, PodMonitors
   * scrape it, and a NetworkPolicy opens it to the monitoring namespace alone.
   */
  static List<String> managementPortProblems(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    Set<String> managementPorts = new HashSet<>(Set.of(MANAGEMENT));
    for (JsonNode deployment : ofKind(objects, "Deployment")) {
      for (JsonNode container :
          deployment.path("spec").path("template").path("spec").path("containers")) {
        String where = id(deployment) + " container " + container.path("name").asString();
        Optional<String> port = containerPort(container, MANAGEMENT);
        port.ifPresent(managementPorts::add);
        if (port.isEmpty()) {
          problems.add(where + ": no containerPort named " + MANAGEMENT);
        } else if (!port.get().equals(env(container, "MANAGEMENT_SERVER_PORT"))) {
          problems.add(where + ": MANAGEMENT_SERVER_PORT is not its management port " + port.get());
        }
        for (String probe : PROBES) {
          JsonNode httpGet = container.path(probe).path("httpGet");
          if (!httpGet.isMissingNode() && !MANAGEMENT.equals(httpGet.path("port").asString())) {
            problems.add(where + ": " + probe + " is not on the management port");
          }
        }
      }
    }
    for (JsonNode service : ofKind(objects, "Service")) {
      for (JsonNode port : service.path("spec").path("ports")) {
        if (managementPorts.contains(port.path("targetPort").asString())) {
          problems.add(id(service) + ": leads to the management port");
        }
      }
    }
    for (JsonNode monitor : ofKind(objects, "PodMonitor")) {
      for (JsonNode endpoint : monitor.path("spec").path("podMetricsEndpoints")) {
        if (!MANAGEMENT.equals(endpoint.path("port").asString())) {
          problems.add(
              id(monitor)
                  + ": scrapes port "
                  + endpoint.path("port").asString()
                  + ", not management");
        }
      }
    }
    for (JsonNode policy : ofKind(objects, "NetworkPolicy")) {
      for (JsonNode rule : policy.path("spec").path("ingress")) {
        if (opensManagement(rule, managementPorts) && !fromMonitoringOnly(rule)) {
          problems.add(id(policy) + ": opens the management port beyond the monitoring namespace");
        }
      }
    }
    return problems;
  }

  private static Optional<String> containerPort(JsonNode container, String name) {
    for (JsonNode port : container.path("ports")) {
      if (name.equals(port.path("name").asString())) {
        return Optional.of(port.path("containerPort").asString());
      }
    }
    return Optional.empty();
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode env : container.path("env")) {
      if (name.equals(env.path("name").asString())) {
        return env.path("value").asString("");
      }
    }
    return "";
  }

  /** A rule without ports opens every port. */
  private static boolean opensManagement(JsonNode rule, Set<String> managementPorts) {
    if (rule.path("ports").isEmpty()) {
      return true;
    }
    for (JsonNode port : rule.path("ports")) {
      if (managementPorts.contains(port.path("port").asString())) {
        return true;
      }
    }
    return false;
  }

  /** Every peer is the monitoring namespace as a whole; a rule without peers admits everyone. */
  private static boolean fromMonitoringOnly(JsonNode rule) {
    if (rule.path("from").isEmpty()) {
      return false;
    }
    for (JsonNode peer : rule.path("from")) {
      String namespace =
          peer.path("namespaceSelector")
              .path("matchLabels")
              .path("kubernetes.io/metadata.name")
              .asString("");
      if (!"monitoring".equals(namespace) || peer.has("podSelector") || peer.has("ipBlock")) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // References: secrets, config maps, and what each environment variable binds to.

  /**
   * Every secretKeyRef of a Deployment names a secret and key that the dev overlay generates, or
   * one an operator writes: Strimzi a KafkaUser's (password, sasl.jaas.config) and a Kafka
   * cluster's CA certificate (ca.crt).
   */
  static List<String> secretProblems(List<ObjectNode> objects, List<ObjectNode> devObjects) {
    Map<String, Set<String>> available = new HashMap<>();
    for (JsonNode secret : ofKind(devObjects, "Secret")) {
      Set<String> keys = new HashSet<>();
      secret.path("data").propertyNames().forEach(keys::add);
      secret.path("stringData").propertyNames().forEach(keys::add);
      available.put(unhashed(name(secret)), keys);
    }
    for (JsonNode user : ofKind(devObjects, "KafkaUser")) {
      available.put(name(user), Set.of("password", "sasl.jaas.config"));
    }
    for (JsonNode kafka : ofKind(devObjects, "Kafka")) {
      available.put(name(kafka) + "-cluster-ca-cert", Set.of("ca.crt"));
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode deployment : ofKind(objects, "Deployment")) {
      for (JsonNode container :
          deployment.path("spec").path("template").path("spec").path("containers")) {
        for (JsonNode env : container.path("env")) {
          JsonNode ref = env.path("valueFrom").path("secretKeyRef");
          if (ref.isMissingNode()) {
            continue;
          }
          String secret = unhashed(ref.path("name").asString());
          String key = ref.path("key").asString();
          if (!available.getOrDefault(secret, Set.of()).contains(key)) {
            problems.add(
                id(deployment)
                    + ": "
                    + env.path("name").asString()
                    + " reads secret "
                    + secret
                    + " key "
                    + key
                    + ", which the dev overlay does not provide");
          }
        }
      }
    }
    return problems;
  }

  private static String unhashed(String name) {
    return KUSTOMIZE_HASH.matcher(name).replaceFirst("");
  }

  /** Every variable a Deployment's containers get (env and envFrom) binds to something read. */
  static List<String> environmentProblems(
      List<ObjectNode> objects, Map<String, ServiceModules.Module> modules) {
    Map<String, JsonNode> configMaps = new HashMap<>();
    ofKind(objects, "ConfigMap").forEach(c -> configMaps.put(name(c), c));
    List<String> problems = new ArrayList<>();
    for (JsonNode deployment : ofKind(objects, "Deployment")) {
      ServiceModules.Module module = modules.get(name(deployment));
      if (module == null) {
        problems.add(id(deployment) + ": no service module of that name");
        continue;
      }
      for (JsonNode container :
          deployment.path("spec").path("template").path("spec").path("containers")) {
        Map<String, String> variables = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
          String map = from.path("configMapRef").path("name").asString();
          JsonNode configMap = configMaps.get(map);
          if (configMap == null) {
            problems.add(id(deployment) + ": envFrom names a missing ConfigMap " + map);
            continue;
          }
          configMap
              .path("data")
              .properties()
              .forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
        }
        for (JsonNode env : container.path("env")) {
          variables.put(env.path("name").asString(), env.path("value").asString(""));
        }
        Set<String> expanded = new HashSet<>();
        variables
            .values()
            .forEach(
                v -> {
                  Matcher m = EXPANSION.matcher(v);
                  while (m.find()) {
                    expanded.add(m.group(1));
                  }
                });
        for (String variable : variables.keySet()) {
          if (!expanded.contains(variable) && !binds(variable, module)) {
            problems.add(
                id(deployment)
                    + ": "
                    + variable
                    + " ("
                    + ServiceModules.fromEnv(variable)
                    + ") binds to no property "
                    + module.name()
                    + " reads");
          }
        }
      }
    }
    return problems;
  }

  static boolean binds(String variable, ServiceModules.Module module) {
    if (PLATFORM_VARIABLES.contains(variable)) {
      return true;
    }
    String property = ServiceModules.fromEnv(variable);
    if (LIBRARY_PROPERTIES.contains(property)
        || (module.usesKafka() && KAFKA_PROPERTIES.contains(property))
        || (module.database() != null && DATASOURCE_PROPERTIES.contains(property))
        || (module.name().equals("gateway") && GATEWAY_PROPERTIES.contains(property))) {
      return true;
    }
    for (String known : module.properties()) {
      String canonical = ServiceModules.canonical(known);
      if (canonical.equals(property) || canonical.startsWith(property + ".")) {
        return true;
      }
    }
    for (String prefix : module.prefixes()) {
      String canonical = ServiceModules.canonical(prefix);
      if (property.equals(canonical) || property.startsWith(canonical + ".")) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Completeness: every service module has what it needs.

  static List<String> completenessProblems(
      List<ObjectNode> objects, Map<String, ServiceModules.Module> modules) {
    List<String> problems = new ArrayList<>();
    for (ServiceModules.Module module : modules.values()) {
      String service = module.name();
      Optional<ObjectNode> deployment = find(objects, "Deployment", service);
      if (ServiceModules.NOT_DEPLOYED_IN_KUBERNETES.containsKey(service)) {
        if (deployment.isPresent()) {
          problems.add(
              service
                  + ": deployed although "
                  + ServiceModules.NOT_DEPLOYED_IN_KUBERNETES.get(service));
        }
        continue;
      }
      for (String kind :
          List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget")) {
        if (find(objects, kind, service).isEmpty()) {
          problems.add(service + ": no " + kind);
        }
      }
      boolean hpa =
          ofKind(objects, "HorizontalPodAutoscaler").stream()
              .anyMatch(
                  h ->
                      service.equals(
                          h.path("spec").path("scaleTargetRef").path("name").asString()));
      if (!hpa) {
        problems.add(service + ": no HorizontalPodAutoscaler");
      }
      boolean policy =
          ofKind(objects, "NetworkPolicy").stream()
              .anyMatch(
                  p ->
                      selects(p.path("spec").path("podSelector"), service)
                          && p.path("spec").has("ingress"));
      if (!policy) {
        problems.add(service + ": no NetworkPolicy admitting traffic to it");
      }
      ofKind(objects, "ServiceAccount").stream()
          .filter(a -> name(a).equals(service))
          .filter(a -> a.path("automountServiceAccountToken").asBoolean(true))
          .forEach(a -> problems.add(service + ": ServiceAccount automounts its token"));
      if (module.database() != null) {
        boolean database =
            ofKind(objects, "Database").stream()
                .anyMatch(
                    d ->
                        module.database().equals(d.path("spec").path("name").asString())
                            && module.database().equals(d.path("spec").path("owner").asString()));
        if (!database) {
          problems.add(
              service
                  + ": no CloudNativePG Database "
                  + module.database()
                  + " owned by role "
                  + module.database());
        }
      }
    }
    return problems;
  }

  /** A pod selector that matches pods labelled app.kubernetes.io/name=service. */
  static boolean selects(JsonNode selector, String service) {
    if (service.equals(selector.path("matchLabels").path("app.kubernetes.io/name").asString(""))) {
      return true;
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      if ("app.kubernetes.io/name".equals(expression.path("key").asString())
          && "In".equals(expression.path("operator").asString())) {
        for (JsonNode value : expression.path("values")) {
          if (service.equals(value.asString())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
    return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst();
  }
}
