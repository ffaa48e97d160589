package io.fieldops.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldNamesTest {

  record Client(String mobileNumber, @JsonProperty("tel") String homePhone) {}

  record Line(String itemName) {}

  record Request(Client clientData, List<Line> orderLines) {}

  private final JsonFieldNames names = JsonFieldNames.snakeCase();

  @Test
  void javaPathBecomesSnakeCase() {
    assertThat(names.toJsonPath(Request.class, "clientData.mobileNumber"))
        .isEqualTo("client_data.mobile_number");
  }

  @Test
  void explicitJsonPropertyWins() {
    assertThat(names.toJsonPath(Request.class, "clientData.homePhone"))
        .isEqualTo("client_data.tel");
  }

  @Test
  void listIndexesAreKeptAndElementTypeFollowed() {
    assertThat(names.toJsonPath(Request.class, "orderLines[2].itemName"))
        .isEqualTo("order_lines[2].item_name");
  }

  @Test
  void unknownRootStillTranslatesNames() {
    assertThat(names.toJsonPath(null, "pageSize")).isEqualTo("page_size");
  }
}
