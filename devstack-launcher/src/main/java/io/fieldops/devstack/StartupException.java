package io.fieldops.devstack;

import java.util.List;

/** A part of the stack did not come up; carries the tail of its log for the report. */
public final class StartupException extends RuntimeException {

  private final String component;
  private final List<String> logTail;

  public StartupException(String component, String reason, List<String> logTail) {
    super(component + " " + reason);
    this.component = component;
    this.logTail = List.copyOf(logTail);
  }

  public StartupException(String component, String reason, Throwable cause) {
    super(component + " " + reason + ": " + cause.getMessage(), cause);
    this.component = component;
    this.logTail = List.of();
  }

  public String component() {
    return component;
  }

  public List<String> logTail() {
    return logTail;
  }
}
