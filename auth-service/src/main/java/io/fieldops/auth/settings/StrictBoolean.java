package io.fieldops.auth.settings;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * A JSON {@code true} or {@code false} and nothing else: Jackson on its own reads {@code "true"}
 * and {@code 1} as true, which for a setting that changes who may register is guessing. Anything
 * else fails the way any wrong type does (the platform answers 400 "'field' must be true or
 * false").
 */
class StrictBoolean extends StdDeserializer<Boolean> {

  StrictBoolean() {
    super(Boolean.class);
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
  }
}
