package io.fieldops.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A child JVM with its output in a log file, stopped politely first and forcibly if it must be. */
public final class ManagedProcess {

  private final String name;
  private final Process process;
  private final Path log;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} with stdout and stderr in {@code log} (truncated: one run per file). The
   * child runs in a session of its own when {@code setsid} exists, so the terminal's Ctrl-C reaches
   * only the launcher, which then stops the children in reverse order instead of all of them racing
   * each other.
   */
  public static ManagedProcess start(String name, List<String> command, Path workDir, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(Setsid.wrap(command));
    builder.directory(workDir.toFile());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    return new ManagedProcess(name, builder.start(), log);
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** True once {@link #stop} was called: an exit after that is expected, not a crash. */
  public boolean isStopping() {
    return stopping.get();
  }

  public Process process() {
    return process;
  }

  /**
   * SIGTERM (Spring Boot and Kafka shut down gracefully on it), then SIGKILL after {@code grace}.
   */
  public void stop(Duration grace) {
    requestStop();
    awaitStop(grace);
  }

  /** Sends SIGTERM without waiting, so that several processes can wind down side by side. */
  public void requestStop() {
    stopping.set(true);
    if (process.isAlive()) {
      process.destroy();
    }
  }

  /** Waits for the exit that {@link #requestStop} asked for, and kills the process after grace. */
  public void awaitStop(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
