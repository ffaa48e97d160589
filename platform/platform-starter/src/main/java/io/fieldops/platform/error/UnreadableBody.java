package io.fieldops.platform.error;

import java.util.List;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Why a JSON request body could not be read, in terms a client can act on: which field, what was
 * expected. Jackson's own messages name Java classes and are never shown.
 *
 * @param code problem code
 * @param messageKey platform bundle key
 * @param field JSON path of the offending field as the client sent it ({@code client_data.mobile}),
 *     empty when the body as a whole is at fault
 * @param args message arguments after the field name
 */
record UnreadableBody(String code, String messageKey, String field, List<Object> args) {

  static UnreadableBody of(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause == null && String.valueOf(ex.getMessage()).startsWith("Required request body")) {
      return new UnreadableBody("missing-body", "fieldops.problem.missing-body", "", List.of());
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new UnreadableBody(
          "unknown-property", "fieldops.problem.unknown-property", path(unknown), List.of());
    }
    if (cause instanceof ValueInstantiationException invalid) {
      // a record's constructor refused the values; with no field to name, blame the body
      return path(invalid).isEmpty()
          ? new UnreadableBody("invalid-value", "fieldops.problem.invalid-body", "", List.of())
          : new UnreadableBody(
              "invalid-value", "fieldops.problem.invalid-value", path(invalid), List.of());
    }
    if (cause instanceof InvalidFormatException format
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return new UnreadableBody(
          "invalid-enum-value",
          "fieldops.problem.invalid-enum-value",
          path(format),
          List.of(String.join(", ", EnumValues.allowed(format.getTargetType(), true))));
    }
    if (cause instanceof InvalidFormatException format
        && format.getValue() instanceof String text
        && text.indexOf('\0') >= 0
        && !path(format).isEmpty()) {
      // a string, but one PostgreSQL cannot store (web.NulFreeText)
      return new UnreadableBody(
          "invalid-value", "fieldops.problem.nul-character", path(format), List.of());
    }
    if (cause instanceof MismatchedInputException mismatch && !path(mismatch).isEmpty()) {
      return typeMismatch(path(mismatch), mismatch.getTargetType());
    }
    if (cause instanceof InputCoercionException coercion && !path(coercion).isEmpty()) {
      return typeMismatch(path(coercion), coercion.getTargetType());
    }
    if (cause instanceof MismatchedInputException) {
      // e.g. an array where an object belongs: the body as a whole has the wrong shape
      return new UnreadableBody("malformed-json", "fieldops.problem.malformed-json", "", List.of());
    }
    if (cause instanceof StreamReadException || cause instanceof JacksonException) {
      return new UnreadableBody("malformed-json", "fieldops.problem.malformed-json", "", List.of());
    }
    return new UnreadableBody("malformed-json", "fieldops.problem.malformed-json", "", List.of());
  }

  private static UnreadableBody typeMismatch(String field, Class<?> target) {
    return new UnreadableBody(
        "type-mismatch",
        "fieldops.problem.type-mismatch",
        field,
        List.of(ExpectedTypes.messageKey(target)));
  }

  /** Jackson records the JSON names it read, so the path is already in the client's spelling. */
  static String path(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : ex.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
