package io.fieldops.ticket.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What work types and statuses share: a plain code, fixed once created, with a Thai and an English
 * name, and {@code is_active} instead of deletion. Each kind adds its own members (a status's
 * category and order) to the values these answer.
 */
final class NamedCodes {

  private NamedCodes() {}

  /** The checked code and names of a create, in that order; the kind puts its own members after. */
  static Map<String, Object> created(JsonBody body) {
    String code = body.requiredText("code", 50);
    if (!ReferenceRules.isCode(code)) {
      throw ReferenceProblems.invalid("code", "reference.invalid.code");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("code", code);
    values.put("name_th", body.requiredText("name_th", 200));
    values.put("name_en", body.requiredText("name_en", 200));
    return values;
  }

  /** The names and {@code is_active} a change sends (the code is refused before: read-only). */
  static Map<String, Object> changes(JsonBody body) {
    return changes(body, own -> {});
  }

  /**
   * As {@link #changes(JsonBody)}, with the kind's own members read by {@code own} between the
   * names and {@code is_active}: members are checked in that order, so a body wrong in several
   * members is refused for the same one as before.
   */
  static Map<String, Object> changes(JsonBody body, Consumer<Map<String, Object>> own) {
    Map<String, Object> changes = new LinkedHashMap<>();
    if (body.has("name_th")) {
      changes.put("name_th", body.requiredText("name_th", 200));
    }
    if (body.has("name_en")) {
      changes.put("name_en", body.requiredText("name_en", 200));
    }
    own.accept(changes);
    if (body.has("is_active")) {
      changes.put("is_active", body.bool("is_active"));
    }
    return changes;
  }
}
