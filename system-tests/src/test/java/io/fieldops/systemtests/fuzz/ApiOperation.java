package io.fieldops.systemtests.fuzz;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One operation a service publishes in its OpenAPI document, with every {@code $ref} resolved.
 *
 * @param service the document it came from ({@code booking-service})
 * @param method upper case ({@code POST})
 * @param path the template ({@code /api/v1/bookings/{id}/cancel})
 * @param parameters path, query and header parameters
 * @param body the JSON body's schema, or null when the operation takes none
 * @param secured whether the document says a bearer token is needed
 */
public record ApiOperation(
    String service,
    String method,
    String path,
    List<Parameter> parameters,
    JsonNode body,
    boolean secured) {

  /** A parameter: {@code in} is {@code path}, {@code query} or {@code header}. */
  public record Parameter(String name, String in, boolean required, JsonNode schema) {

    public String type() {
      return schema.path("type").asString("string");
    }

    public String format() {
      return schema.path("format").asString("");
    }
  }

  /** Whether a successful call may change something (anything but GET). */
  public boolean changesData() {
    return !method.equals("GET");
  }

  public List<Parameter> in(String where) {
    return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
  }

  /** The part of the path before the first parameter, e.g. {@code /api/v1/bookings/}. */
  public String fixedPrefix() {
    int brace = path.indexOf('{');
    return brace < 0 ? path : path.substring(0, brace);
  }

  @Override
  public String toString() {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
