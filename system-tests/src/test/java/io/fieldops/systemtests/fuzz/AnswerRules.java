package io.fieldops.systemtests.fuzz;

import io.fieldops.systemtests.GatewayResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer to a bad request must be: never a 5xx; an error is {@code
 * application/problem+json} whose {@code status} is the answer's; nothing in it tells an outsider
 * how the suite is built (a stack trace, SQL, a class or package name, an internal host); a request
 * that breaks the contract is refused.
 */
public final class AnswerRules {

  /** Text that only an implementation detail would put in an answer. */
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\tat |\\bat (java|io|org|com)\\.|java\\.(lang|util|sql)|org\\.springframework"
              + "|io\\.fieldops|tools\\.jackson|com\\.fasterxml|org\\.hibernate|PSQL|SQLState|jdbc:"
              + "|ERROR: |duplicate key|violates .*constraint|lb://"
              + "|localhost:|127\\.0\\.0\\.1|[Ee]ureka|Hikari|Netty|reactor\\.",
          Pattern.CASE_INSENSITIVE);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnswerRules() {}

  /** Every rule the answer breaks, empty when it keeps them all. */
  public static List<String> broken(FuzzCase request, GatewayResponse answer) {
    List<String> broken = new ArrayList<>();
    int status = answer.status();
    if (status >= 500) {
      broken.add("answered " + status);
    }
    if (request.mustBeRefused() && status < 400) {
      broken.add("accepted with " + status);
    }
    if (status >= 400) {
      if (!answer.mediaType().orElse("").equals("application/problem+json")) {
        broken.add("error without problem+json: " + answer.mediaType().orElse("no content type"));
      } else {
        JsonNode problem = parse(answer.body());
        if (problem == null || !problem.isObject()) {
          broken.add("problem+json body is not a JSON object");
        } else if (problem.has("status") && problem.path("status").asInt() != status) {
          broken.add("problem status " + problem.path("status") + " differs from " + status);
        }
      }
    }
    var leak = LEAK.matcher(answer.body());
    if (leak.find()) {
      broken.add("answer shows '" + leak.group() + "'");
    }
    answer
        .headers()
        .map()
        .forEach(
            (name, values) ->
                values.stream()
                    .filter(value -> LEAK.matcher(value).find())
                    .forEach(value -> broken.add("header " + name + " shows " + value)));
    return broken;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
