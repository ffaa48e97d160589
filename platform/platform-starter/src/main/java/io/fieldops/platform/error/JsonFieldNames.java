package io.fieldops.platform.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;

/**
 * Translates a validator's Java property path ({@code clientData.mobile}, {@code items[0].name})
 * into the JSON names the client sent ({@code client_data.mobile}): an explicit
 * {@code @JsonProperty} wins, otherwise the mapper's naming strategy applies.
 */
public final class JsonFieldNames {

  private static final Pattern SEGMENT = Pattern.compile("([^\\[]*)(\\[.*])?");

  private final PropertyNamingStrategy strategy;

  public JsonFieldNames(PropertyNamingStrategy strategy) {
    this.strategy = strategy;
  }

  public static JsonFieldNames snakeCase() {
    return new JsonFieldNames(PropertyNamingStrategies.SNAKE_CASE);
  }

  /**
   * @param root the validated object's class, or {@code null} when unknown (only the naming
   *     strategy applies then)
   */
  public String toJsonPath(Class<?> root, String javaPath) {
    if (javaPath == null || javaPath.isEmpty()) {
      return "";
    }
    StringBuilder json = new StringBuilder();
    Type current = root;
    for (String segment : javaPath.split("\\.")) {
      Matcher m = SEGMENT.matcher(segment);
      String name = m.matches() ? m.group(1) : segment;
      String index = m.matches() && m.group(2) != null ? m.group(2) : "";
      Field field = findField(rawClass(current), name);
      if (!json.isEmpty()) {
        json.append('.');
      }
      json.append(jsonName(field, rawClass(current), name)).append(index);
      current = field == null ? null : elementTypeIfIndexed(field.getGenericType(), index);
    }
    return json.toString();
  }

  private String jsonName(Field field, Class<?> owner, String javaName) {
    JsonProperty explicit = explicitName(field, owner, javaName);
    if (explicit != null && !explicit.value().isEmpty()) {
      return explicit.value();
    }
    if (strategy == null) {
      return javaName;
    }
    try {
      // NamingBase strategies (SNAKE_CASE and friends) only look at the name
      String translated = strategy.nameForField(null, null, javaName);
      return translated == null ? javaName : translated;
    } catch (RuntimeException e) {
      return javaName; // a custom strategy that needs the mapper's config: keep the Java name
    }
  }

  private static JsonProperty explicitName(Field field, Class<?> owner, String javaName) {
    if (owner != null && owner.isRecord()) {
      for (RecordComponent component : owner.getRecordComponents()) {
        if (component.getName().equals(javaName)
            && component.isAnnotationPresent(JsonProperty.class)) {
          return component.getAnnotation(JsonProperty.class);
        }
      }
    }
    return field == null ? null : field.getAnnotation(JsonProperty.class);
  }

  private static Field findField(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  // For items[0].name the next segment belongs to the list's element type, not to the list.
  private static Type elementTypeIfIndexed(Type type, String index) {
    if (index.isEmpty()) {
      return type;
    }
    Class<?> raw = rawClass(type);
    if (raw != null && raw.isArray()) {
      return raw.getComponentType();
    }
    if (type instanceof ParameterizedType p && raw != null) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
        return args[0];
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return args[1];
      }
    }
    return null;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
