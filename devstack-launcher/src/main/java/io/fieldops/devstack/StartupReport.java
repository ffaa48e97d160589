package io.fieldops.devstack;

/** The message for a stack that did not come up: who failed, why, and the end of its log. */
final class StartupReport {

  private StartupReport() {}

  static String render(StartupException failure, Devstack stack) {
    StringBuilder text = new StringBuilder("\ndevstack: ").append(failure.getMessage());
    if (!failure.logTail().isEmpty()) {
      text.append("\n\nLast lines of ").append(stack.logOf(failure.component())).append(":\n");
      failure.logTail().forEach(line -> text.append("  | ").append(line).append('\n'));
    }
    text.append("\nEverything that had started was stopped.");
    return text.toString();
  }
}
