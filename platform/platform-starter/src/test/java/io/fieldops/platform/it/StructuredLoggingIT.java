package io.fieldops.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documented switch LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs (the property below, as an
 * environment variable) turns console logs into ECS JSON that still carries the trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class StructuredLoggingIT extends PlatformIntegrationTest {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  @Test
  void logLinesAreEcsJsonWithTraceId(CapturedOutput output) {
    var response =
        asAgent()
            .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
            .get("/test/boom");
    assertThat(response.status()).isEqualTo(500);

    JsonMapper json = JsonMapper.builder().build();
    List<JsonNode> errorLines =
        output
            .getOut()
            .lines()
            .filter(line -> line.startsWith("{") && line.contains("Unexpected error"))
            .map(json::readTree)
            .toList();
    assertThat(errorLines).isNotEmpty();
    JsonNode line = errorLines.getFirst();
    assertThat(line.at("/log/level").asString()).isEqualTo("ERROR");
    assertThat(line.get("traceId").asString()).isEqualTo(TRACE_ID);
    assertThat(line.at("/service/name").asString()).isEqualTo("platform-testapp");
    assertThat(line.at("/ecs/version").isMissingNode()).isFalse();
  }
}
