package io.fieldops.platform.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 400 raised by service code for input that bean validation cannot express, for example "Either
 * client ID or client_data must be provided". With details it reads as "Validation failed".
 */
public class BadRequestException extends ProblemException {

  public BadRequestException(String messageKeyOrText, Object... args) {
    super(HttpStatus.BAD_REQUEST, "bad-request", messageKeyOrText, args);
  }

  public BadRequestException(String messageKeyOrText, Map<String, String> details, Object... args) {
    super(HttpStatus.BAD_REQUEST, "validation-failed", messageKeyOrText, details, args);
  }
}
