package io.fieldops.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Trace ids reach the log lines, the 500 body and outgoing calls. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends PlatformIntegrationTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @Test
  void incomingTraceIsContinuedAndLoggedWithTheError(CapturedOutput output) {
    var response = asAgent().header("traceparent", TRACEPARENT).get("/test/boom");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().get("trace_id").asString()).isEqualTo(TRACE_ID);
    assertThat(output.getOut().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("Unexpected error on GET /test/boom")
                    .contains("[" + TRACE_ID)
                    .contains("ERROR"));
  }

  @Test
  void everyRequestGetsATraceIdInItsLogLine(CapturedOutput output) {
    var response = asAgent().get("/test/boom");

    String traceId = response.json().get("trace_id").asString();
    assertThat(output.getOut().lines())
        .anySatisfy(line -> assertThat(line).contains("Unexpected error").contains(traceId));
  }

  @Test
  void traceTravelsOnOutgoingCalls() {
    var response =
        asAgent()
            .header("traceparent", TRACEPARENT)
            .get("/test/outbound?baseUrl=http://localhost:" + port);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("downstream_traceparent").asString())
        .startsWith("00-" + TRACE_ID + "-");
  }
}
