package io.fieldops.auth.token;

/** {@code tokens} in register and login answers, and the refresh answer (seed 002). */
public record TokenPair(String access, String refresh) {

  @Override
  public String toString() {
    return "TokenPair[redacted]"; // never let a log line carry a token
  }
}
