package io.fieldops.platform.person;

import io.fieldops.platform.error.BadRequestException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's one rule for a person's gender, wherever it enters: seed 001's agent booking
 * (booking-service) and the provisioning behind it (auth-service). {@code male}, {@code female} or
 * {@code other}, in any case and with surrounding spaces, kept lowercase; blank means not given.
 * Anything else is a 400 naming the member: it used to be stored as sent ({@code BOGUS_VALUE},
 * {@code 12345}) and shown back to staff as the person's gender.
 */
public final class Gender {

  /** The accepted values, as stored and answered (seed 001 writes {@code "male"}). */
  public static final List<String> VALUES = List.of("male", "female", "other");

  /** Platform bundle key of the per-member message, "Must be one of: male, female, other." */
  public static final String INVALID = "fieldops.gender.invalid";

  private Gender() {}

  /**
   * @param text what the client sent
   * @param member the JSON member it came in, named by the refusal
   * @return the value as stored, or {@code null} when blank or absent
   * @throws BadRequestException 400 naming {@code member} for anything else
   */
  public static String read(String text, String member) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (!VALUES.contains(value)) {
      throw new BadRequestException(
          "fieldops.problem.invalid-enum-value",
          Map.of(member, INVALID),
          member,
          String.join(", ", VALUES));
    }
    return value;
  }
}
