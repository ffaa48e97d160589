package io.fieldops.auth.key;

import io.fieldops.auth.config.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Replaces the signing key when it reaches {@code fieldops.auth.signing-key-max-age}. Every
 * instance checks every {@code signing-key-check-interval}; the database lets one rotation through.
 * A scheduler of its own rather than {@code @EnableScheduling}, like the outbox resubmitter, so
 * nothing else in the service starts running on a timer by accident.
 */
@Component
class KeyRotationSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KeyRotationSchedule.class);

  private final SigningKeys keys;
  private final AuthProperties properties;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private volatile boolean running;

  KeyRotationSchedule(SigningKeys keys, AuthProperties properties) {
    this.keys = keys;
    this.properties = properties;
    scheduler.setThreadNamePrefix("signing-key-rotation-");
    scheduler.setDaemon(true);
  }

  /** After start-up, so a slow first check never delays readiness. */
  @EventListener(ApplicationReadyEvent.class)
  void scheduleChecks() {
    scheduler.scheduleWithFixedDelay(this::check, properties.signingKeyCheckInterval());
  }

  void check() {
    try {
      keys.rotateIfDue();
    } catch (RuntimeException e) {
      // the database may be briefly away; the next check tries again
      log.warn("Signing key rotation check failed: {}", e.toString());
    }
  }

  @Override
  public void start() {
    scheduler.initialize();
    running = true;
  }

  @Override
  public void stop() {
    scheduler.shutdown();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
