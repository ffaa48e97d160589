package io.fieldops.platform.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 422: well-formed input that a business rule refuses, such as "This time slot is already reserved"
 * or "Booking not allowed on off days".
 */
public class BusinessRuleException extends ProblemException {

  public BusinessRuleException(String messageKeyOrText, Object... args) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "business-rule", messageKeyOrText, args);
  }

  public BusinessRuleException(
      String messageKeyOrText, Map<String, String> details, Object... args) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "business-rule", messageKeyOrText, details, args);
  }
}
