package io.fieldops.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of a log, for a failure report. */
public final class LogTail {

  private LogTail() {}

  public static List<String> lastLines(Path log, int count) {
    if (!Files.isReadable(log)) {
      return List.of("(no log at " + log + ")");
    }
    Deque<String> tail = new ArrayDeque<>(count);
    // Lenient decoding: a log cut in the middle of a multi-byte character must still print.
    try (Stream<String> lines =
        new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
      lines.forEach(
          line -> {
            if (tail.size() == count) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(tail);
  }
}
