package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.events.consumer.EventEnvelopeDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeTest {

  private static final UUID ID = UUID.fromString("3f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b");
  private static final UUID ORG = UUID.fromString("0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b");
  private static final EventEnvelope<Map<String, String>> EVENT =
      new EventEnvelope<>(
          ID,
          "booking.created",
          1,
          Instant.parse("2026-11-23T09:15:30.123Z"),
          ORG,
          Map.of("booking_id", "b-1"));
  private static final String JSON =
      "{\"id\":\"3f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b\",\"type\":\"booking.created\","
          + "\"version\":1,\"occurred_at\":\"2026-11-23T09:15:30.123Z\","
          + "\"org_id\":\"0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b\",\"data\":{\"booking_id\":\"b-1\"}}";

  @Test
  void wireFormatIsSnakeCaseWhateverTheMapperNamingStrategy() {
    JsonMapper plain = JsonMapper.builder().build();
    JsonMapper snake =
        JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    assertThat(plain.writeValueAsString(EVENT)).isEqualTo(JSON);
    assertThat(snake.writeValueAsString(EVENT)).isEqualTo(JSON);
  }

  @Test
  void deserializerReadsTheEnvelopeWithDataAsATree() {
    EventEnvelope<JsonNode> read =
        new EventEnvelopeDeserializer()
            .deserialize(Topics.BOOKINGS, JSON.getBytes(StandardCharsets.UTF_8));

    assertThat(read.id()).isEqualTo(ID);
    assertThat(read.type()).isEqualTo("booking.created");
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:15:30.123Z"));
    assertThat(read.orgId()).isEqualTo(ORG);
    assertThat(read.data().get("booking_id").asString()).isEqualTo("b-1");
  }

  @Test
  void factoryGivesAFreshIdVersionOneAndMillisecondTime() {
    EventEnvelope<String> first = EventEnvelope.of("user.registered", ORG, "x");
    EventEnvelope<String> second = EventEnvelope.of("user.registered", ORG, "x");

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.occurredAt().getNano() % 1_000_000).isZero();
  }

  @Test
  void rejectsAnEnvelopeWithoutOrganisationOrWithVersionZero() {
    assertThatThrownBy(() -> EventEnvelope.of("booking.created", null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("org_id");
    assertThatThrownBy(() -> EventEnvelope.of("booking.created", 0, ORG, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must be 1 or more, was 0");
  }

  @Test
  void deadLetterTopicIsTheTopicWithDltSuffix() {
    assertThat(Topics.dlt(Topics.JOBCARDS)).isEqualTo("jobcards.DLT");
    assertThat(Topics.dlt(Topics.USERS)).isEqualTo("users.DLT");
  }
}
