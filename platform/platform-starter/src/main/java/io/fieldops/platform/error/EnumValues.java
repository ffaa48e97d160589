package io.fieldops.platform.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** The values a client may send for an enum, as the client must spell them. */
public final class EnumValues {

  private EnumValues() {}

  /**
   * @param asJson {@code true} for JSON bodies (honours {@code @JsonProperty} on constants and a
   *     {@code @JsonValue} method); {@code false} for query and path parameters, which Spring
   *     converts by constant name
   */
  public static List<String> allowed(Class<?> enumType, boolean asJson) {
    Object[] constants = enumType.getEnumConstants();
    if (constants == null) {
      return List.of();
    }
    Method jsonValue = asJson ? jsonValueMethod(enumType) : null;
    List<String> values = new ArrayList<>();
    for (Object constant : constants) {
      values.add(
          asJson ? jsonSpelling((Enum<?>) constant, jsonValue) : ((Enum<?>) constant).name());
    }
    return values;
  }

  private static String jsonSpelling(Enum<?> constant, Method jsonValue) {
    try {
      JsonProperty property =
          constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      if (property != null && !property.value().isEmpty()) {
        return property.value();
      }
      if (jsonValue != null) {
        return String.valueOf(jsonValue.invoke(constant));
      }
    } catch (ReflectiveOperationException e) {
      // fall back to the constant name, which Jackson accepts by default
    }
    return constant.name();
  }

  private static Method jsonValueMethod(Class<?> enumType) {
    for (Method method : enumType.getDeclaredMethods()) {
      JsonValue annotation = method.getAnnotation(JsonValue.class);
      if (annotation != null && annotation.value() && method.getParameterCount() == 0) {
        method.setAccessible(true);
        return method;
      }
    }
    return null;
  }
}
