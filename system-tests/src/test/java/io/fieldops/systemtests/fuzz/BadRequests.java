package io.fieldops.systemtests.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes bad requests for an operation from its published schema: a request that fits the schema,
 * then exactly one thing made wrong (a member missing, of the wrong JSON type, out of range,
 * malformed; a parameter of the wrong kind; no token or a forged one; a body that is not JSON, too
 * deep or too big). The same seed makes the same requests.
 *
 * <p>Operations that change data only get defects the contract refuses, so every one of them must
 * be refused and the database must be as it was; reads also get the doubtful ones (a negative page,
 * an unknown extra parameter), where any 4xx or a 2xx is fine but never a 5xx.
 */
public final class BadRequests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String UNKNOWN = "FUZZ_UNKNOWN";

  private final String token;
  private final SplittableRandom random;

  /**
   * @param token the access token secured operations get (an ADMIN of an organisation of the
   *     fuzzer's own), unless the defect is the token
   */
  public BadRequests(String token, long seed) {
    this.token = token;
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} bad requests for {@code operation}, each with one defect picked at random. */
  public List<FuzzCase> forOperation(ApiOperation operation, int count) {
    List<Supplier<FuzzCase>> kinds = kindsFor(operation);
    if (kinds.isEmpty()) {
      return List.of();
    }
    List<FuzzCase> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(kinds.get(random.nextInt(kinds.size())).get());
    }
    return cases;
  }

  private List<Supplier<FuzzCase>> kindsFor(ApiOperation op) {
    List<Supplier<FuzzCase>> kinds = new ArrayList<>();
    if (op.secured()) {
      kinds.add(() -> authDefect(op));
    }
    if (!op.in("path").isEmpty()) {
      kinds.add(() -> pathDefect(op));
    }
    if (!op.in("query").isEmpty()) {
      kinds.add(() -> queryDefect(op, true));
      if (!op.changesData()) {
        kinds.add(() -> queryDefect(op, false));
      }
    }
    if (op.body() != null) {
      kinds.add(() -> wholeBodyDefect(op));
      if (!op.body().path("properties").isEmpty()) {
        kinds.add(() -> memberDefect(op));
        kinds.add(() -> memberDefect(op));
        kinds.add(() -> memberDefect(op));
      }
    }
    if (!op.in("header").isEmpty()) {
      kinds.add(() -> headerDefect(op));
    }
    if (kinds.isEmpty() && !op.changesData()) {
      // an open read without parameters or body: only its answer to query text it does not take
      kinds.add(() -> queryDefect(op, false));
    }
    return kinds;
  }

  // --- the token ---------------------------------------------------------------------------

  private FuzzCase authDefect(ApiOperation op) {
    String forged =
        base64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + base64("{\"sub\":\"00000000-0000-0000-0000-000000000001\",\"roles\":[\"ADMIN\"]}")
            + ".";
    String[][] headers = {
      {},
      {"Authorization", "Bearer not.a.token"},
      {"Authorization", "Bearer " + forged},
      {"Authorization", "Basic YWRtaW46YWRtaW4="},
      {"Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA"},
    };
    String[] chosen = headers[random.nextInt(headers.length)];
    String defect =
        chosen.length == 0 ? "no token" : "token " + chosen[1].split(" ")[0] + " forged";
    return new FuzzCase(
        op, defect, true, target(op, Map.of(), Map.of()), List.of(chosen), validBody(op));
  }

  // --- header parameters -------------------------------------------------------------------

  private FuzzCase headerDefect(ApiOperation op) {
    List<ApiOperation.Parameter> parameters = op.in("header");
    ApiOperation.Parameter parameter = parameters.get(random.nextInt(parameters.size()));
    String value =
        switch (parameter.name()) {
          case "If-Match" -> "\"fuzz-stale\"";
          case "X-Organization" -> "no-such-organisation-" + random.nextInt(1_000_000);
          default -> "k".repeat(10_000);
        };
    List<String> headers = new ArrayList<>(authorised(op));
    headers.add(parameter.name());
    headers.add(value);
    return new FuzzCase(
        op,
        "header " + parameter.name() + " = " + shorten(value),
        true,
        target(op, Map.of(), Map.of()),
        headers,
        validBody(op));
  }

  // --- path parameters ---------------------------------------------------------------------

  private FuzzCase pathDefect(ApiOperation op) {
    List<ApiOperation.Parameter> parameters = op.in("path");
    ApiOperation.Parameter parameter = parameters.get(random.nextInt(parameters.size()));
    String[] values =
        switch (parameter.format()) {
          case "uuid" ->
              new String[] {
                "not-a-uuid",
                "1",
                "a".repeat(300),
                "%00",
                "00000000-0000-0000-0000-00000000000g",
                java.util.UUID.randomUUID().toString()
              };
          default ->
              new String[] {
                "abc",
                "99999999999999999999",
                "-1",
                "0",
                "1.5",
                "%00",
                Long.toString(9_000_000_000L + random.nextInt(1_000_000))
              };
        };
    String value = values[random.nextInt(values.length)];
    return new FuzzCase(
        op,
        "path " + parameter.name() + " = " + value,
        true,
        target(op, Map.of(parameter.name(), value), Map.of()),
        authorised(op),
        validBody(op));
  }

  // --- query parameters --------------------------------------------------------------------

  /**
   * @param refused a defect the contract refuses (wrong kind, NUL, missing, too long); otherwise a
   *     doubtful one a read may answer either way
   */
  private FuzzCase queryDefect(ApiOperation op, boolean refused) {
    List<ApiOperation.Parameter> parameters = op.in("query");
    if (refused) {
      List<ApiOperation.Parameter> candidates =
          parameters.stream().filter(p -> !wrongKinds(p).isEmpty() || p.required()).toList();
      if (candidates.isEmpty()) {
        candidates = parameters;
      }
      ApiOperation.Parameter parameter = candidates.get(random.nextInt(candidates.size()));
      List<String> wrong = new ArrayList<>(wrongKinds(parameter));
      wrong.add("a%00b");
      wrong.add("x".repeat(10_000));
      String value = wrong.get(random.nextInt(wrong.size()));
      if (parameter.required() && random.nextInt(4) == 0) {
        return new FuzzCase(
            op,
            "query " + parameter.name() + " missing",
            true,
            target(op, Map.of(), Map.of(parameter.name(), "")),
            authorised(op),
            validBody(op));
      }
      return new FuzzCase(
          op,
          "query " + parameter.name() + " = " + shorten(value),
          true,
          target(op, Map.of(), Map.of(parameter.name(), value)),
          authorised(op),
          validBody(op));
    }
    String[] doubtful = {"-1", "0", "1000000", "%C3%28", "%25_%5C%27%22", "%20", "%E0%B8%81"};
    String name =
        parameters.isEmpty() || random.nextInt(5) == 0
            ? "fuzz_unknown"
            : parameters.get(random.nextInt(parameters.size())).name();
    String value = doubtful[random.nextInt(doubtful.length)];
    return new FuzzCase(
        op,
        "query " + name + " = " + value + " (doubtful)",
        false,
        target(op, Map.of(), Map.of(name, value)),
        authorised(op),
        validBody(op));
  }

  /** Values of the wrong kind for a typed parameter, already encoded; none for free text. */
  private static List<String> wrongKinds(ApiOperation.Parameter parameter) {
    if (parameter.schema().has("enum")) {
      return List.of(UNKNOWN);
    }
    return switch (parameter.type()) {
      case "integer" -> List.of("abc", "1.5", "99999999999999999999", "1e3");
      case "number" -> List.of("abc", "1e400");
      case "boolean" -> List.of("maybe", "2");
      case "array" ->
          wrongKinds(
              new ApiOperation.Parameter(
                  parameter.name(), "query", false, parameter.schema().path("items")));
      default ->
          switch (parameter.format()) {
            case "uuid" -> List.of("not-a-uuid", "1");
            case "date" ->
                List.of("2031-02-30", "%2B999999999-12-31", "31%2F12%2F2031", "tomorrow");
            case "date-time" -> List.of("2031-02-30T10:00:00Z", "yesterday");
            default -> List.of();
          };
    };
  }

  // --- the body as a whole -----------------------------------------------------------------

  private FuzzCase wholeBodyDefect(ApiOperation op) {
    byte[] valid = validBody(op);
    String json = new String(valid, StandardCharsets.UTF_8);
    int kind = random.nextInt(9);
    return switch (kind) {
      case 0 -> body(op, "body truncated", json.substring(0, json.length() / 2), null);
      case 1 -> body(op, "body a JSON array", "[" + json + "]", null);
      case 2 -> body(op, "body a JSON string", "\"text\"", null);
      case 3 -> body(op, "body empty", "", null);
      case 4 -> body(op, "body text/plain", json, "text/plain");
      case 5 -> body(op, "body application/xml", "<a>1</a>", "application/xml");
      case 6 ->
          body(
              op,
              "body nested 5000 deep",
              "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
              null);
      case 7 -> body(op, "body of 3 MB", "{\"a\": \"" + "x".repeat(3_000_000) + "\"}", null);
      default -> body(op, "body null", "null", null);
    };
  }

  private FuzzCase body(ApiOperation op, String defect, String body, String contentType) {
    return bytes(op, defect, true, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  private FuzzCase bytes(
      ApiOperation op, String defect, boolean refused, byte[] body, String contentType) {
    List<String> headers = new ArrayList<>(authorised(op));
    headers.add("Content-Type");
    headers.add(contentType == null ? "application/json" : contentType);
    return new FuzzCase(op, defect, refused, target(op, Map.of(), Map.of()), headers, body);
  }

  // --- one member of the body --------------------------------------------------------------

  private FuzzCase memberDefect(ApiOperation op) {
    ObjectNode body = (ObjectNode) SchemaValues.valid(op.body(), random);
    List<String> names = new ArrayList<>();
    op.body().path("properties").properties().forEach(member -> names.add(member.getKey()));
    String name = names.get(random.nextInt(names.size()));
    JsonNode schema = op.body().path("properties").path(name);
    boolean required = contains(op.body().path("required"), name);
    String type = SchemaValues.type(schema);

    List<Defect> defects = new ArrayList<>();
    defects.add(new Defect("unknown member fuzz_unknown", () -> body.put("fuzz_unknown", 1)));
    if (required) {
      defects.add(new Defect(name + " missing", () -> body.remove(name)));
      defects.add(new Defect(name + " null", () -> body.putNull(name)));
    }
    defects.add(
        new Defect(name + " of the wrong JSON type", () -> body.set(name, wrongType(type))));
    if (schema.has("enum")) {
      defects.add(new Defect(name + " unknown value", () -> body.put(name, UNKNOWN)));
    }
    switch (type) {
      case "string" -> {
        defects.add(new Defect(name + " with a NUL", () -> body.put(name, "a\u0000b")));
        String malformed = malformed(schema.path("format").asString(""));
        if (malformed != null) {
          defects.add(new Defect(name + " = " + malformed, () -> body.put(name, malformed)));
        }
        if (schema.has("maxLength")) {
          int over = schema.path("maxLength").asInt() + 1;
          defects.add(
              new Defect(name + " " + over + " long", () -> body.put(name, "x".repeat(over))));
        }
        if (schema.path("minLength").asInt(0) > 0) {
          defects.add(new Defect(name + " empty", () -> body.put(name, "")));
        }
      }
      case "integer" -> {
        defects.add(
            new Defect(
                name + " = 2^70",
                () ->
                    body.set(
                        name,
                        NODES.numberNode(new java.math.BigInteger("1180591620717411303424")))));
        defects.add(new Defect(name + " = 1.5", () -> body.put(name, 1.5)));
        if (schema.has("minimum")) {
          long below = schema.path("minimum").asLong() - 1;
          defects.add(new Defect(name + " = " + below, () -> body.put(name, below)));
        }
      }
      case "number" ->
          defects.add(
              new Defect(
                  name + " = 1e400",
                  () -> body.set(name, NODES.numberNode(new java.math.BigDecimal("1e400")))));
      case "array" ->
          defects.add(
              new Defect(
                  name
                      + " holding an object where its items are "
                      + SchemaValues.type(schema.path("items")),
                  () ->
                      body.set(
                          name,
                          SchemaValues.array()
                              .add(wrongType(SchemaValues.type(schema.path("items")))))));
      default -> {}
    }
    // invalid UTF-8 in this member: a different byte sequence, not a different value
    if (type.equals("string") && random.nextInt(6) == 0) {
      body.put(name, "MARK");
      byte[] bytes = JSON.writeValueAsBytes(body);
      String json = new String(bytes, StandardCharsets.ISO_8859_1);
      byte[] broken =
          json.replace("\"MARK\"", "\"a\u00c3\u0028b\"").getBytes(StandardCharsets.ISO_8859_1);
      return bytes(op, name + " not UTF-8", true, broken, null);
    }
    Defect defect = defects.get(random.nextInt(defects.size()));
    defect.change().run();
    return bytes(op, "body." + defect.name(), true, JSON.writeValueAsBytes(body), null);
  }

  /** One change to an otherwise fitting body, named for the report. */
  private record Defect(String name, Runnable change) {}

  private JsonNode wrongType(String type) {
    JsonNode[] others = {
      NODES.numberNode(12345),
      NODES.booleanNode(true),
      NODES.stringNode("text"),
      NODES.objectNode().put("a", 1),
      NODES.arrayNode().add(1)
    };
    while (true) {
      JsonNode candidate = others[random.nextInt(others.length)];
      boolean sameType =
          switch (type) {
            case "integer", "number" -> candidate.isNumber();
            case "boolean" -> candidate.isBoolean();
            case "object" -> candidate.isObject();
            case "array" -> candidate.isArray();
            default -> candidate.isString();
          };
      if (!sameType) {
        return candidate;
      }
    }
  }

  private String malformed(String format) {
    String[] values =
        switch (format) {
          case "uuid" -> new String[] {"not-a-uuid", "1234"};
          case "date" -> new String[] {"2031-02-30", "+999999999-12-31", "31/12/2031", "tomorrow"};
          case "time" -> new String[] {"25:61", "10", "ten o'clock"};
          case "date-time" -> new String[] {"2031-02-30T10:00:00Z", "yesterday"};
          case "email" -> new String[] {"not-an-email", "a@"};
          default -> null;
        };
    return values == null ? null : values[random.nextInt(values.length)];
  }

  // --- building the request ----------------------------------------------------------------

  private byte[] validBody(ApiOperation op) {
    return op.body() == null ? null : JSON.writeValueAsBytes(SchemaValues.valid(op.body(), random));
  }

  private List<String> authorised(ApiOperation op) {
    return op.secured() ? List.of("Authorization", "Bearer " + token) : List.of();
  }

  /**
   * The path with every path parameter filled (the overrides as given, already encoded) and the
   * query with the required parameters and some optional ones; an override of {@code ""} leaves a
   * query parameter out.
   */
  private String target(
      ApiOperation op, Map<String, String> pathOverrides, Map<String, String> queryOverrides) {
    String path = op.path();
    for (ApiOperation.Parameter parameter : op.in("path")) {
      String value =
          pathOverrides.containsKey(parameter.name())
              ? pathOverrides.get(parameter.name())
              : encode(SchemaValues.text(parameter.schema(), random));
      path = path.replace("{" + parameter.name() + "}", value);
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (ApiOperation.Parameter parameter : op.in("query")) {
      if (parameter.required() || random.nextInt(3) == 0) {
        query.put(parameter.name(), encode(SchemaValues.text(parameter.schema(), random)));
      }
    }
    queryOverrides.forEach(
        (name, value) -> {
          if (value.isEmpty()) {
            query.remove(name);
          } else {
            query.put(name, value);
          }
        });
    StringBuilder target = new StringBuilder(path);
    String separator = "?";
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      target.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
      separator = "&";
    }
    return target.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asString().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String shorten(String value) {
    return value.length() > 40
        ? value.substring(0, 20) + "… (" + value.length() + " chars)"
        : value;
  }
}
