package io.fieldops.platform.testapp;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service's own advice for its own exception must win over the platform's catch-all. */
@RestControllerAdvice
class TeapotAdvice {

  static class TeapotException extends RuntimeException {}

  @ExceptionHandler(TeapotException.class)
  ResponseEntity<Map<String, Object>> teapot() {
    return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body(Map.of("brewing", false));
  }
}
