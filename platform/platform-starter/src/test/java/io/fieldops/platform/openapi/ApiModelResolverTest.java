package io.fieldops.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiModelResolverTest {

  record Settings(
      @Pattern(regexp = "DMY|MDY") String dateOrder,
      @io.swagger.v3.oas.annotations.media.Schema(pattern = "\\S") String serviceName) {}

  record Tree(
      JsonNode anything,
      @io.swagger.v3.oas.annotations.media.Schema(implementation = UUID.class) JsonNode client) {}

  @SuppressWarnings("rawtypes")
  private final Map<String, Schema> schemas = resolve(Settings.class);

  @Test
  void membersAreInSnakeCase() {
    assertThat(properties("Settings")).containsOnlyKeys("date_order", "service_name");
  }

  @Test
  void aBeanValidationPatternMatchesTheWholeValueAsItDoesInTheService() {
    String documented = properties("Settings").get("date_order").getPattern();

    assertThat(documented).isEqualTo("^(?:DMY|MDY)$");
    assertThat(java.util.regex.Pattern.compile(documented).matcher("xDMYx").find()).isFalse();
    assertThat(java.util.regex.Pattern.compile(documented).matcher("MDY").find()).isTrue();
  }

  @Test
  void aDocumentationPatternIsLeftAsWritten() {
    assertThat(properties("Settings").get("service_name").getPattern()).isEqualTo("\\S");
  }

  @Test
  void aJsonTreeIsAnyJsonValueUnlessTheMemberSaysMore() {
    @SuppressWarnings("rawtypes")
    Map<String, Schema> trees = resolve(Tree.class);
    @SuppressWarnings("unchecked")
    Map<String, Schema<?>> members = trees.get("Tree").getProperties();

    assertThat(members.get("anything").getType()).isNull();
    assertThat(members.get("anything").getTypes()).isNull();
    assertThat(members.get("anything").getProperties()).isNull();
    assertThat(members.get("anything").getDescription()).isEqualTo(ApiModelResolver.ANY_JSON_VALUE);
    assertThat(members.get("client").getFormat()).isEqualTo("uuid");
    assertThat(trees).doesNotContainKey("JsonNode");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Schema<?>> properties(String schema) {
    return schemas.get(schema).getProperties();
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> resolve(Class<?> type) {
    ModelConverters converters = new ModelConverters(true);
    converters.addConverter(new ApiModelResolver().openapi31(true));
    return converters.readAll(new AnnotatedType(type));
  }
}
