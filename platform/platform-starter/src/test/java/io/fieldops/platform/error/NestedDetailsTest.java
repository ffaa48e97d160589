package io.fieldops.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedDetailsTest {

  @Test
  void dottedPathsBecomeNestedObjects() {
    assertThat(NestedDetails.of(Map.of("client_data.mobile", "bad", "service_name", "blank")))
        .isEqualTo(Map.of("client_data", Map.of("mobile", "bad"), "service_name", "blank"));
  }

  @Test
  void objectLevelMessageGoesUnderError() {
    assertThat(NestedDetails.of(Map.of("", "Client with ID 999 does not exist.")))
        .isEqualTo(Map.of("error", "Client with ID 999 does not exist."));
  }

  @Test
  void parentAndChildMessagesBothSurvive() {
    Map<String, String> flat = new LinkedHashMap<>();
    flat.put("client_data", "is incomplete");
    flat.put("client_data.mobile", "bad");

    assertThat(NestedDetails.of(flat))
        .isEqualTo(Map.of("client_data", Map.of("error", "is incomplete", "mobile", "bad")));
  }

  @Test
  void indexesStayInTheKey() {
    assertThat(NestedDetails.of(Map.of("lines[1].item_name", "blank")))
        .isEqualTo(Map.of("lines[1]", Map.of("item_name", "blank")));
  }
}
