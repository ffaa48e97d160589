package io.fieldops.platform.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;

/**
 * Describes schemas as the API reads and writes them, where springdoc's own resolver would not:
 *
 * <ul>
 *   <li>members in snake_case: springdoc describes schemas with its own (Jackson 2) mapper, which
 *       knows nothing of the application's naming, and would show camelCase members the API
 *       rejects;
 *   <li>a {@code @Pattern} as the whole-value match Bean Validation performs: swagger copies the
 *       regexp as it is, but a JSON Schema {@code pattern} matches anywhere in the value, so {@code
 *       DMY|MDY} documented {@code "xDMYx"} as valid and {@code [\p{L} -]*} documented every value
 *       as valid. Anchored, a client (or a fuzzer) generated from the document sends what passes.
 * </ul>
 */
public class ApiModelResolver extends ModelResolver {

  public ApiModelResolver() {
    super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  @Override
  protected boolean applyBeanValidatorAnnotations(
      Schema property, Annotation[] annotations, Schema parent, boolean applyNotNullAnnotations) {
    boolean applied =
        super.applyBeanValidatorAnnotations(property, annotations, parent, applyNotNullAnnotations);
    if (property != null && annotations != null) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof Pattern pattern
            && pattern.regexp().equals(property.getPattern())) {
          property.setPattern(wholeValue(pattern.regexp()));
        }
      }
    }
    return applied;
  }

  static String wholeValue(String regexp) {
    return "^(?:" + regexp + ")$";
  }
}
