package io.fieldops.deploychecks;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Validates Kubernetes and Strimzi objects against typed models: fabric8's models of the built-in
 * kinds and Strimzi's own {@code io.strimzi:api} 1.2.0 (from which Strimzi generates its CRDs).
 * Both keep unknown members in an "any setter" map; that setter is removed here, so an unknown
 * field, a wrong type or an unknown enum value is an error naming its path, as with a strict JSON
 * schema.
 */
final class StrictModels {

  /** apiVersion + " " + kind to its model class. */
  static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1 ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
          Map.entry("v1 Secret", io.fabric8.kubernetes.api.model.Secret.class),
          Map.entry("v1 Service", io.fabric8.kubernetes.api.model.Service.class),
          Map.entry("v1 ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
          Map.entry("v1 Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
          Map.entry("apps/v1 Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
          Map.entry(
              "autoscaling/v2 HorizontalPodAutoscaler",
              io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
          Map.entry(
              "policy/v1 PodDisruptionBudget",
              io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
          Map.entry(
              "networking.k8s.io/v1 NetworkPolicy",
              io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
          Map.entry(
              "networking.k8s.io/v1 Ingress",
              io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
          Map.entry("kafka.strimzi.io/v1 Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
          Map.entry(
              "kafka.strimzi.io/v1 KafkaNodePool",
              io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
          Map.entry(
              "kafka.strimzi.io/v1 KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
          Map.entry(
              "kafka.strimzi.io/v1 KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .addModule(
              new SimpleModule("strict")
                  .setDeserializerModifier(
                      new BeanDeserializerModifier() {
                        @Override
                        public BeanDeserializerBuilder updateBuilder(
                            DeserializationConfig config,
                            BeanDescription description,
                            BeanDeserializerBuilder builder) {
                          builder.setAnySetter(null);
                          builder.setIgnoreUnknownProperties(false);
                          return builder;
                        }
                      }))
          .build();

  private StrictModels() {}

  static boolean covers(JsonNode object) {
    return MODELS.containsKey(key(object));
  }

  static String key(JsonNode object) {
    return object.path("apiVersion").asString("") + " " + Manifests.kind(object);
  }

  /** The first problem reading {@code object} into its model, if any. */
  static Optional<String> problem(JsonNode object) {
    Class<?> model = MODELS.get(key(object));
    if (model == null) {
      return Optional.of("no model for " + key(object));
    }
    try {
      STRICT.readValue(object.toString(), model);
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return Optional.of(e.getOriginalMessage() + " at " + path(e));
    }
  }

  private static String path(com.fasterxml.jackson.core.JacksonException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
      StringBuilder path = new StringBuilder();
      for (var ref : mapping.getPath()) {
        path.append(ref.getFieldName() != null ? "/" + ref.getFieldName() : "/" + ref.getIndex());
      }
      return path.isEmpty() ? "/" : path.toString();
    }
    return "?";
  }
}
