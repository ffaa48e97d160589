package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir Path dir;

  @Test
  void keepsTheLastLines() throws IOException {
    Path log = dir.resolve("svc.log");
    Files.writeString(
        log,
        IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

    assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
  }

  @Test
  void aMissingLogSaysSo() {
    assertThat(LogTail.lastLines(dir.resolve("none.log"), 40))
        .singleElement()
        .asString()
        .startsWith("(no log at");
  }
}
