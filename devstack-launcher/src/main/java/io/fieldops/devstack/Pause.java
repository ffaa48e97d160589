package io.fieldops.devstack;

import java.util.concurrent.locks.LockSupport;

/** The polling interval of the launcher's readiness loops. */
final class Pause {

  private static final long POLL_NANOS = 500_000_000L;

  private Pause() {}

  static void briefly() {
    LockSupport.parkNanos(POLL_NANOS);
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new StartupException(
          StartupException.LAUNCHER, "interrupted while waiting", java.util.List.of());
    }
  }
}
