package io.fieldops.devstack;

import java.util.List;

/** A part of the stack did not come up; carries the tail of its log for the report. */
public final class StartupException extends RuntimeException {

  private final String component;
  private final List<String> logTail;

  /** The launcher's own failures (a taken port, say) name no component in the message. */
  public static final String LAUNCHER = "devstack";

  public StartupException(String component, String reason, List<String> logTail) {
    super(LAUNCHER.equals(component) ? reason : component + " " + reason);
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
