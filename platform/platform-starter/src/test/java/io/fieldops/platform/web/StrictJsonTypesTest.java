package io.fieldops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The strict request mapper reads each member from its own JSON type only. */
class StrictJsonTypesTest {

  record Body(
      String firstName,
      List<String> tags,
      Integer level,
      int count,
      Boolean active,
      BigDecimal ratio,
      Double weight,
      Kind kind,
      LocalDate day) {}

  enum Kind {
    LOW,
    HIGH
  }

  private final JsonMapper lenient =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  private final JsonMapper strict = PlatformWebAutoConfiguration.strictRequestMapper(lenient);

  @Test
  void eachTypeFromItsOwnJsonTypeIsRead() {
    Body body =
        strict.readValue(
            """
            {"first_name": "Somchai", "tags": ["a"], "level": 3, "count": 2, "active": false,
             "ratio": 0.25, "weight": 5, "kind": "HIGH", "day": "2030-10-20"}
            """,
            Body.class);

    assertThat(body)
        .isEqualTo(
            new Body(
                "Somchai",
                List.of("a"),
                3,
                2,
                false,
                new BigDecimal("0.25"),
                5.0,
                Kind.HIGH,
                LocalDate.of(2030, 10, 20)));
  }

  @Test
  void nullAndAbsentStayWhatTheyWere() {
    Body body =
        strict.readValue(
            """
            {"first_name": null, "level": null, "count": 0, "active": null, "ratio": null,
             "kind": null}
            """,
            Body.class);

    assertThat(body).isEqualTo(new Body(null, null, null, 0, null, null, null, null, null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"first_name": 5}           | first_name | java.lang.String
          {"first_name": 5.0}         | first_name | java.lang.String
          {"first_name": true}        | first_name | java.lang.String
          {"first_name": {"a": "b"}}  | first_name | java.lang.String
          {"first_name": ["a"]}       | first_name | java.lang.String
          {"tags": [7]}               | tags[0]    | java.lang.String
          {"level": "5"}              | level      | java.lang.Integer
          {"level": ""}               | level      | java.lang.Integer
          {"level": 5.5}              | level      | java.lang.Integer
          {"level": true}             | level      | java.lang.Integer
          {"count": "2"}              | count      | int
          {"active": "true"}          | active     | java.lang.Boolean
          {"active": 1}               | active     | java.lang.Boolean
          {"active": ""}              | active     | java.lang.Boolean
          {"ratio": "0.25"}           | ratio      | java.math.BigDecimal
          {"ratio": false}            | ratio      | java.math.BigDecimal
          {"weight": "5"}             | weight     | java.lang.Double
          {"kind": 1}                 | kind       | io.fieldops.platform.web.StrictJsonTypesTest$Kind
          """)
  void anotherJsonTypeIsRefusedNamingTheMemberAndItsType(
      String json, String path, String expected) {
    assertThatThrownBy(() -> strict.readValue(json, Body.class))
        .isInstanceOfSatisfying(
            MismatchedInputException.class,
            e -> {
              assertThat(path(e)).isEqualTo(path);
              assertThat(e.getTargetType().getName()).isEqualTo(expected);
            });
  }

  @Test
  void theSharedMapperForPeersAndKafkaStaysLenient() {
    Body body =
        lenient.readValue("{\"first_name\": 5, \"level\": \"5\", \"count\": 0}", Body.class);

    assertThat(body.firstName()).isEqualTo("5");
    assertThat(body.level()).isEqualTo(5);
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
