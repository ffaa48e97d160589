package io.fieldops.ticket.reference;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The refusals of the reference-data endpoints, each naming the member at fault both in its message
 * ({@code "code: ..."}) and in {@code details}. A key {@code k} has its short form for {@code
 * details} under {@code k-detail} (messages*.properties, "# reference data").
 */
final class ReferenceProblems {

  private ReferenceProblems() {}

  /** 400 naming {@code member}. */
  static BadRequestException invalid(String member, String key) {
    return new BadRequestException(key, Map.of(member, key + "-detail"), member);
  }

  static BadRequestException required(String member) {
    return invalid(member, "reference.required");
  }

  static BadRequestException tooLong(String member, int max) {
    return new BadRequestException(
        "reference.invalid.too-long",
        Map.of(member, "reference.invalid.too-long-detail"),
        member,
        max);
  }

  /**
   * 404 for an id given in the body ({@code company_id}) that is not one of the organisation's:
   * another organisation's id answers exactly like a missing one.
   */
  static ProblemException unknown(String member, String key) {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "not-found", key, Map.of(member, key + "-detail"), member);
  }

  /** 409 naming the member whose value is already taken (a unique constraint said so). */
  static ProblemException taken(String member, String key) {
    return new ProblemException(
        HttpStatus.CONFLICT, "conflict", key, Map.of(member, key + "-detail"), member);
  }
}
