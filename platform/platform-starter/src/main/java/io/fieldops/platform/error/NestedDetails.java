package io.fieldops.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns flat field paths into the nested {@code details} object of seed 000: {@code
 * client_data.mobile -> msg} becomes {@code {"client_data": {"mobile": msg}}}. List indexes stay in
 * the key ({@code items[0]}), which keeps the tree unambiguous without inventing arrays.
 */
public final class NestedDetails {

  /**
   * Messages for the object itself (a class-level constraint) go under this key, as in seed 000.
   */
  public static final String OBJECT_KEY = "error";

  private NestedDetails() {}

  /** Paths are sorted first so the answer does not depend on validator iteration order. */
  public static Map<String, Object> of(Map<String, String> flat) {
    Map<String, Object> root = new LinkedHashMap<>();
    new TreeMap<>(flat).forEach((path, message) -> put(root, path, message));
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String path, String message) {
    String[] segments = path.isEmpty() ? new String[] {OBJECT_KEY} : path.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < segments.length - 1; i++) {
      Object child = node.get(segments[i]);
      if (child instanceof Map<?, ?> map) {
        node = (Map<String, Object>) map;
      } else {
        Map<String, Object> created = new LinkedHashMap<>();
        if (child != null) {
          created.put(OBJECT_KEY, child); // a message on the parent itself survives
        }
        node.put(segments[i], created);
        node = created;
      }
    }
    String leaf = segments[segments.length - 1];
    Object existing = node.get(leaf);
    if (existing instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).merge(OBJECT_KEY, message, (a, b) -> a + " " + b);
    } else if (existing instanceof String text) {
      node.put(leaf, text + " " + message);
    } else {
      node.put(leaf, message);
    }
  }
}
