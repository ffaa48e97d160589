package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints every kind of reference data answers alike below its collection's path: {@code GET
 * /{id}}, {@code POST} (201 with the new one's address in {@code Location}) and {@code PATCH
 * /{id}}. A subclass maps the path ({@code @RequestMapping}) and adds its own list, whose filters
 * differ; being the concrete class, it also fixes {@code T} for Jackson and springdoc.
 */
abstract class ReferenceResource<T extends ReferenceEntry> {

  private final String path;
  private final ReferenceKind<T> kind;
  private final Class<?> newBody;
  private final Class<?> changeBody;

  /**
   * {@code path} is the subclass's {@code @RequestMapping}, for the {@code Location} header; {@code
   * newBody} and {@code changeBody} describe the POST and PATCH bodies in the API document ({@link
   * ReferenceBodies}).
   */
  ReferenceResource(String path, ReferenceKind<T> kind, Class<?> newBody, Class<?> changeBody) {
    this.path = path;
    this.kind = kind;
    this.newBody = newBody;
    this.changeBody = changeBody;
  }

  String path() {
    return path;
  }

  Class<?> newBody() {
    return newBody;
  }

  Class<?> changeBody() {
    return changeBody;
  }

  @GetMapping("/{id}")
  Map<String, T> get(CurrentUser caller, @PathVariable UUID id) {
    return Answers.data(kind.get(caller, id));
  }

  @PostMapping
  ResponseEntity<Map<String, T>> create(CurrentUser caller, @RequestBody JsonNode body) {
    T created = kind.create(caller, body);
    return Answers.created(path, created.id(), created);
  }

  @PatchMapping("/{id}")
  Map<String, T> change(CurrentUser caller, @PathVariable UUID id, @RequestBody JsonNode body) {
    return Answers.data(kind.change(caller, id, body));
  }
}
