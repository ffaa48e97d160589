package io.fieldops.platform.web;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A request body's member is read only from its own JSON type: a string from a JSON string, an
 * integer from a JSON integer, a decimal from a JSON number, a boolean from {@code true} or {@code
 * false}, an enum from its name. Jackson on its own reads {@code 5} as {@code "5"}, {@code "5"} as
 * 5, {@code "true"} and {@code 1} as true, and an enum from its index: every one of those guesses
 * hides a client bug (a phone sent as a number has lost its leading zero), so each is refused, and
 * the problem handler answers 400 {@code type-mismatch} naming the member ("'first_name' must be a
 * string"). {@code null} is not a coercion and stays what each member makes of it.
 *
 * <p>{@code ""} for a number or a boolean is refused too rather than read as null: a blank form
 * field is a string, and "no value" is {@code null} or leaving the member out. An integer for a
 * decimal stays allowed ({@code 5} is a fine way to write {@code 5.0}). Money is not a decimal
 * member here: the API writes it as a decimal string ({@code "500"}), so it is a string member.
 */
final class StrictJsonTypes {

  /** Per logical type, the JSON shapes no longer read as it. */
  private static final Map<LogicalType, List<CoercionInputShape>> REFUSED =
      Map.of(
          LogicalType.Textual,
          List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean),
          // Float: also what ACCEPT_FLOAT_AS_INT off says, 1.5 is not truncated to 1
          LogicalType.Integer,
          List.of(
              CoercionInputShape.String,
              CoercionInputShape.EmptyString,
              CoercionInputShape.Float,
              CoercionInputShape.Boolean),
          LogicalType.Float,
          List.of(
              CoercionInputShape.String,
              CoercionInputShape.EmptyString,
              CoercionInputShape.Boolean),
          LogicalType.Boolean,
          List.of(
              CoercionInputShape.String,
              CoercionInputShape.EmptyString,
              CoercionInputShape.Integer,
              CoercionInputShape.Float));

  private StrictJsonTypes() {}

  static JsonMapper.Builder apply(JsonMapper.Builder builder) {
    builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    REFUSED.forEach(
        (type, shapes) ->
            builder.withCoercionConfig(
                type, config -> shapes.forEach(s -> config.setCoercion(s, CoercionAction.Fail))));
    return builder;
  }
}
