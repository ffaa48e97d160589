package io.fieldops.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a child in a new session, so terminal signals go to the launcher alone. */
final class Setsid {

  private static final Path SETSID =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
          .filter(Files::isExecutable)
          .findFirst()
          .orElse(null);

  private Setsid() {}

  static List<String> wrap(List<String> command) {
    if (SETSID == null) {
      return command;
    }
    // setsid execs the command in place (no fork while it is not a group leader), so the
    // process the launcher holds is the JVM itself and SIGTERM reaches it directly.
    List<String> wrapped = new ArrayList<>();
    wrapped.add(SETSID.toString());
    wrapped.addAll(command);
    return wrapped;
  }
}
