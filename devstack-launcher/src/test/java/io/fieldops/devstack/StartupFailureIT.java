package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that cannot start is reported by name with the end of its log, and everything already
 * started (PostgreSQL, Kafka) is stopped again: real processes, a broken jar.
 */
class StartupFailureIT {

  @TempDir Path repo;

  @Test
  void aServiceThatExitsIsReportedWithItsLogAndTheRestIsStopped() throws IOException {
    brokenJar(repo.resolve("discovery/target/discovery.jar"));
    brokenJar(repo.resolve("gateway/target/gateway.jar"));
    int offset =
        PortCheck.firstFreeOffset(
                IntStream.iterate(3_000, o -> o < 13_000, o -> o + 50), ServiceCatalog.all())
            .orElseThrow();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Devstack stack =
        Devstack.builder()
            .repoRoot(repo)
            .portOffset(offset)
            .healthTimeout(Duration.ofSeconds(90))
            .shutdownHook(false)
            .out(new PrintStream(progress, true, StandardCharsets.UTF_8))
            .build();

    assertThatThrownBy(stack::start)
        .isInstanceOfSatisfying(
            StartupException.class,
            failure -> {
              assertThat(failure.component()).isEqualTo("discovery");
              assertThat(failure.getMessage()).contains("exited during start-up");
              assertThat(failure.log()).contains(repo.resolve(".devstack/logs/discovery.log"));
              assertThat(String.join("\n", failure.logTail())).contains("io.fieldops.NoSuchMain");
            });
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Stopped in");
    assertThat(PortCheck.allFree(stack.ports().portsFor(ServiceCatalog.all()))).isTrue();
  }

  /** A jar whose main class does not exist: the JVM says so and exits at once. */
  private static void brokenJar(Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.fieldops.NoSuchMain");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.flush();
    }
  }
}
