package io.fieldops.ticket.reference;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/**
 * One reference row answered as the ticket API answers one thing: {@code {"data": {...}}}; a new
 * one with 201 and its address in {@code Location}.
 */
final class Answers {

  private Answers() {}

  static <T> Map<String, T> data(T value) {
    return Map.of("data", value);
  }

  static <T> ResponseEntity<Map<String, T>> created(String collection, UUID id, T value) {
    return ResponseEntity.created(URI.create(collection + "/" + id)).body(data(value));
  }
}
