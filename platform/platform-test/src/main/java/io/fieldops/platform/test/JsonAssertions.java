package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Exact JSON: every member the contract promises, none missing and none extra (JSONAssert, strict
 * mode: array order counts too). The status is checked first, with the body as the message, so a
 * failing test shows what came back.
 */
public final class JsonAssertions {

  private JsonAssertions() {}

  public static void assertJson(String actualJson, String expectedJson) {
    try {
      JSONAssert.assertEquals(expectedJson, actualJson, JSONCompareMode.STRICT);
    } catch (JSONException e) {
      throw new AssertionError("Not JSON: " + actualJson, e);
    }
  }

  public static void assertJson(Http.Response response, int status, String expectedJson) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertJson(response.body(), expectedJson);
  }

  /** A problem+json answer (RFC 9457 with the seeds' members), exactly. */
  public static void assertProblem(Http.Response response, int status, String expectedJson) {
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertJson(response, status, expectedJson);
  }
}
