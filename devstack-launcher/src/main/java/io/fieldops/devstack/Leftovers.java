package io.fieldops.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Children run in sessions of their own, so a launcher killed with SIGKILL (or an IDE's stop
 * button) leaves them running, holding ports and memory. Every child's pid is recorded under the
 * data directory; the next start on that directory stops what is left, but only a process whose
 * command line still names that data directory or the repository, so a reused pid is never hit.
 */
final class Leftovers {

  private static final Duration GRACE = Duration.ofSeconds(15);
  private static final String LAUNCHER_PID = "launcher.pid";

  private final Path dataDir;
  private final Path pidDir;
  private final Path postgresData;
  private final PrintStream out;

  Leftovers(Path dataDir, PrintStream out) {
    this.dataDir = dataDir;
    this.pidDir = dataDir.resolve("pids");
    this.postgresData = dataDir.resolve("postgres");
    this.out = out;
  }

  void record(ManagedProcess process) {
    try {
      Files.createDirectories(pidDir);
      Files.writeString(
          pidDir.resolve(process.name() + ".pid"),
          String.valueOf(process.process().pid()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void forget(String name) {
    try {
      Files.deleteIfExists(pidDir.resolve(name + ".pid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live launcher (other than this JVM) that owns {@code dataDir}, if any. */
  static Optional<Long> launcherUsing(Path dataDir) {
    return pid(dataDir.resolve("pids").resolve(LAUNCHER_PID))
        .filter(pid -> pid != ProcessHandle.current().pid())
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        // A launcher is ./devstack's JVM or a test JVM (surefire/failsafe) using the library;
        // a recycled pid of anything else does not count.
        .filter(
            handle ->
                handle
                    .info()
                    .commandLine()
                    .map(line -> line.contains("devstack") || line.contains("surefire"))
                    .orElse(false))
        .map(ProcessHandle::pid);
  }

  /** Marks the data directory as this launcher's, after checking that no other one uses it. */
  void claim() throws IOException {
    launcherUsing(dataDir)
        .ifPresent(
            pid -> {
              throw new StartupException(
                  StartupException.LAUNCHER,
                  "cannot start: another devstack (pid "
                      + pid
                      + ") is using "
                      + dataDir
                      + "; stop it, or give this one its own --data-dir",
                  java.util.List.of());
            });
    Files.createDirectories(pidDir);
    Files.writeString(
        pidDir.resolve(LAUNCHER_PID),
        String.valueOf(ProcessHandle.current().pid()),
        StandardCharsets.UTF_8);
  }

  /** Stops the children of an earlier launcher that did not get to stop them itself. */
  void stopAll(Path repoRoot) throws IOException {
    if (Files.isDirectory(pidDir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDir, "*.pid")) {
        for (Path file : files) {
          if (file.getFileName().toString().equals(LAUNCHER_PID)) {
            continue;
          }
          String name = file.getFileName().toString().replace(".pid", "");
          pid(file)
              .flatMap(ProcessHandle::of)
              .filter(
                  handle ->
                      commandNames(handle, repoRoot.toString())
                          || commandNames(handle, dataDir.toString()))
              .ifPresent(handle -> stop(name, handle));
          Files.deleteIfExists(file);
        }
      }
    }
    // PostgreSQL writes its own pid file; its first line is the postmaster's pid.
    Path postmaster = postgresData.resolve("postmaster.pid");
    if (Files.exists(postmaster)) {
      pid(postmaster)
          .flatMap(ProcessHandle::of)
          .filter(handle -> commandNames(handle, postgresData.toString()))
          .ifPresent(handle -> stop("postgres", handle));
    }
  }

  private void stop(String name, ProcessHandle handle) {
    out.printf("  stopping %s left over from an earlier run (pid %d)%n", name, handle.pid());
    handle.destroy();
    try {
      handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception notYet) {
      handle.destroyForcibly();
    }
  }

  private static boolean commandNames(ProcessHandle handle, String path) {
    return handle.info().commandLine().map(line -> line.contains(path)).orElse(false);
  }

  private static Optional<Long> pid(Path file) {
    try {
      String first =
          Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      return Optional.of(Long.parseLong(first.strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
