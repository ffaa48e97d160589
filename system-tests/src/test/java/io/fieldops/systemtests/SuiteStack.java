package io.fieldops.systemtests;

import io.fieldops.devstack.Devstack;
import io.fieldops.devstack.PortCheck;
import io.fieldops.devstack.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The one stack of a test JVM, launched by the devstack launcher from the packaged jars on ports
 * nobody uses and with a throw-away data directory. Starting it costs most of a minute, so every
 * system test class shares it; JUnit closes it when the test run ends.
 */
final class SuiteStack implements AutoCloseable {

  static final String REPO_ROOT_PROPERTY = "fieldops.repo-root";
  static final String DATA_DIR_PROPERTY = "fieldops.system-tests.data-dir";

  /**
   * Offsets keep every port of the stack (8001+offset to 19093+offset) below Linux's ephemeral
   * range (32768 and up), where outgoing connections could take them between check and bind.
   */
  private static final int MIN_OFFSET = 1_000;

  private static final int MAX_OFFSET = 13_000;

  private final Devstack stack;
  private final Gateway gateway;

  private SuiteStack(Devstack stack) {
    this.stack = stack;
    this.gateway = new Gateway(stack.gatewayUrl());
  }

  static SuiteStack start() {
    Path repoRoot = Path.of(requiredProperty(REPO_ROOT_PROPERTY));
    Path dataDir =
        Path.of(
            System.getProperty(
                DATA_DIR_PROPERTY, repoRoot.resolve("system-tests/target/stack").toString()));
    // Another build of this checkout may be testing right now: never wipe its running stack.
    if (Devstack.launcherUsing(dataDir).isPresent()) {
      dataDir = dataDir.resolveSibling(dataDir.getFileName() + "-" + ProcessHandle.current().pid());
    }
    deleteRecursively(dataDir);
    Devstack stack =
        Devstack.builder()
            .repoRoot(repoRoot)
            .dataDir(dataDir)
            .portOffset(freeOffset())
            // Two cores starting several JVMs at once: generous, a hang still fails the run.
            .healthTimeout(Duration.ofSeconds(300))
            .build()
            .start();
    return new SuiteStack(stack);
  }

  Devstack stack() {
    return stack;
  }

  Gateway gateway() {
    return gateway;
  }

  @Override
  public void close() {
    stack.close();
  }

  /** A random free offset, so that parallel builds and a developer's ./devstack do not clash. */
  private static int freeOffset() {
    int start = ThreadLocalRandom.current().nextInt(MIN_OFFSET / 10, MAX_OFFSET / 10) * 10;
    IntStream candidates =
        IntStream.concat(
            IntStream.iterate(start, offset -> offset < MAX_OFFSET, offset -> offset + 10),
            IntStream.iterate(MIN_OFFSET, offset -> offset < start, offset -> offset + 10));
    return PortCheck.firstFreeOffset(candidates, ServiceCatalog.all())
        .orElseThrow(() -> new IllegalStateException("no free port offset for a test stack"));
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + name
              + " is not set: run the system tests through Maven (./mvnw verify), whose failsafe"
              + " configuration sets it to the repository root");
    }
    return value;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SuiteStack::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
