package io.fieldops.auth.user;

import io.fieldops.platform.error.ProblemException;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * Turns a unique-index violation on {@code app_user} into the 409 problem naming the field the
 * client sent, so a lost race answers exactly like the friendly pre-check.
 */
public final class UniqueFields {

  public static final String EMAIL = "email";
  public static final String PHONE = "phone_number";

  private UniqueFields() {}

  public static ProblemException taken(String field) {
    String key = EMAIL.equals(field) ? "auth.email.taken" : "auth.phone.taken";
    return new ProblemException(HttpStatus.CONFLICT, "conflict", key, Map.of(field, key));
  }

  /** Which field a violation is about; rethrows what is not a known user uniqueness rule. */
  public static ProblemException fromViolation(DataIntegrityViolationException violation) {
    String constraint = constraintName(violation);
    return switch (constraint) {
      // the username of a self-registered user is their email
      case "uk_app_user_email", "uk_app_user_username" -> taken(EMAIL);
      // one user per phone: on the key, which every spelling of the number shares
      case "uk_app_user_phone_key" -> taken(PHONE);
      default -> throw violation;
    };
  }

  static String constraintName(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException hibernate
          && hibernate.getConstraintName() != null) {
        return hibernate.getConstraintName();
      }
    }
    return "";
  }
}
