package io.fieldops.platform.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * Describes schemas as the API reads and writes them, where springdoc's own resolver would not:
 *
 * <ul>
 *   <li>a body or member read as a JSON tree (Jackson 3's {@code JsonNode}: ticket-service's omit /
 *       null / value bodies, the stored answers of idempotent creates) as what it is, any JSON
 *       value, not as the tree class's getters (empty, array, node_type...) that a client generated
 *       from the document would send; a member's own {@code @Schema(implementation = ...)} still
 *       says more;
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

  static final String ANY_JSON_VALUE = "Any JSON value; the operation says which members";

  public ApiModelResolver() {
    super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  @Override
  public Schema resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (type.getType() != null
        && JsonNode.class.isAssignableFrom(_mapper.constructType(type.getType()).getRawClass())) {
      // no type at all: JSON Schema's "any value"
      return new JsonSchema().description(ANY_JSON_VALUE);
    }
    return super.resolve(type, context, chain);
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
