package io.fieldops.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects messages per field path; several failed constraints on one field are joined in a fixed
 * (sorted) order so that the same input always gives the same answer.
 */
final class FieldErrorMessages {

  private final Map<String, Set<String>> messages = new LinkedHashMap<>();

  void add(String path, String message) {
    messages.computeIfAbsent(path == null ? "" : path, p -> new TreeSet<>()).add(message);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  Map<String, Object> nested() {
    Map<String, String> flat = new LinkedHashMap<>();
    messages.forEach((path, texts) -> flat.put(path, String.join(" ", texts)));
    return NestedDetails.of(flat);
  }
}
