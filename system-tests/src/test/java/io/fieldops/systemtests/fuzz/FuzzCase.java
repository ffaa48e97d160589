package io.fieldops.systemtests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request with one thing wrong in it.
 *
 * @param operation what it was made from
 * @param defect what is wrong, e.g. {@code body.booking_date: malformed date "2031-02-30"}
 * @param mustBeRefused whether a 2xx would be a defect of the service (the request breaks the
 *     published contract), rather than a lenient but harmless reading
 * @param target path and query, already encoded
 * @param headers name/value pairs
 * @param body the bytes sent, or null for none
 */
public record FuzzCase(
    ApiOperation operation,
    String defect,
    boolean mustBeRefused,
    String target,
    List<String> headers,
    byte[] body) {

  @Override
  public String toString() {
    String shown =
        body == null
            ? ""
            : " body "
                + (body.length > 300
                    ? body.length + " bytes"
                    : new String(body, StandardCharsets.UTF_8));
    return operation.method() + " " + target + " [" + defect + "]" + shown;
  }
}
