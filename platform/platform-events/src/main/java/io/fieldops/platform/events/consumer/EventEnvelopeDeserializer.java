package io.fieldops.platform.events.consumer;

import io.fieldops.platform.events.EventEnvelope;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an envelope with its {@code data} left as a JSON tree, for plain Kafka consumers (tools,
 * tests). {@code @KafkaListener} methods do not need it: the listener container converts the JSON
 * bytes straight to the parameter type, e.g. {@code EventEnvelope<BookingCreated>}.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<JsonNode>> {

  private static final TypeReference<EventEnvelope<JsonNode>> TYPE = new TypeReference<>() {};

  private final JsonMapper mapper;

  public EventEnvelopeDeserializer() {
    this(JsonMapper.builder().build());
  }

  public EventEnvelopeDeserializer(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public EventEnvelope<JsonNode> deserialize(String topic, byte[] data) {
    return data == null ? null : mapper.readValue(data, TYPE);
  }
}
