package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A part of the stack did not come up; carries the tail of its log for the report. */
public final class StartupException extends RuntimeException {

  /** The launcher's own failures (a taken port, say) name no component in the message. */
  public static final String LAUNCHER = "devstack";

  private static final int TAIL_LINES = 40;

  private final String component;
  private final transient Path log;
  private final List<String> logTail;

  public StartupException(String component, String reason, List<String> logTail) {
    this(component, reason, null, logTail);
  }

  private StartupException(String component, String reason, Path log, List<String> logTail) {
    super(LAUNCHER.equals(component) ? reason : component + " " + reason);
    this.component = component;
    this.log = log;
    this.logTail = List.copyOf(logTail);
  }

  public StartupException(String component, String reason, Throwable cause) {
    super(component + " " + reason + ": " + cause.getMessage(), cause);
    this.component = component;
    this.log = null;
    this.logTail = List.of();
  }

  /** A failure explained by the end of {@code log}. */
  public static StartupException withLog(String component, String reason, Path log) {
    return new StartupException(component, reason, log, LogTail.lastLines(log, TAIL_LINES));
  }

  public String component() {
    return component;
  }

  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }

  public List<String> logTail() {
    return logTail;
  }
}
