package io.fieldops.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The clock every {@link IntegrationTest} application reads "now" from. Normally the real time;
 * with {@code -Dfieldops.test.clock=2028-02-29T09:00:00Z} it starts at that instant when the JVM
 * starts and ticks on from there, so a module's tests can be run on any calendar day (a month end,
 * 31 December, a leap day) to prove they do not depend on today's date:
 *
 * <pre>{@code ./mvnw -pl booking-service verify -Dfieldops.test.clock=2027-12-31T16:59:00Z}</pre>
 *
 * Tests that compute dates read the application's {@code Clock} bean (this one), never {@code
 * LocalDate.now()}. Token expiry is still checked against the real time, so test tokens stay valid
 * whatever the clock says.
 */
public final class TestClock {

  /** The system property that moves the clock. */
  public static final String PROPERTY = "fieldops.test.clock";

  private static final Clock CLOCK = create(System.getProperty(PROPERTY));

  private TestClock() {}

  /** The clock for this JVM: the same instance for every application context and test. */
  public static Clock get() {
    return CLOCK;
  }

  static Clock create(String start) {
    Clock real = Clock.tickMillis(ZoneOffset.UTC);
    if (start == null || start.isBlank()) {
      return real;
    }
    try {
      Instant instant = Instant.parse(start.trim());
      System.getLogger(TestClock.class.getName())
          .log(System.Logger.Level.WARNING, "Test clock moved: now is {0}", instant);
      return Clock.offset(real, Duration.between(Instant.now(), instant));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          PROPERTY + " must be an ISO-8601 instant such as 2028-02-29T09:00:00Z, was: " + start, e);
    }
  }
}
