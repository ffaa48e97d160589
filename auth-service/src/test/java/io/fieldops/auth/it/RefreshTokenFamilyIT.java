package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A refresh-token family ends {@code fieldops.auth.refresh-token-ttl} (14 days) after its first
 * token, however often it is rotated: a stolen refresh token cannot keep a session alive for ever.
 * The application's clock is moved instead of waiting: this class's context reads "now" from a
 * {@link MovableClock} that starts at platform-test's {@link TestClock} (so the test does not
 * depend on today's date either).
 */
class RefreshTokenFamilyIT extends AuthIntegrationTest {

  private static final String INVALID_REFRESH =
      """
      {"type": "urn:fieldops:problem:invalid-token", "title": "Unauthorized", "status": 401,
       "detail": "Token is invalid or expired.", "instance": "/api/auth/token/refresh",
       "success": false, "error": "Token is invalid or expired.",
       "message": "Token is invalid or expired."}
      """;

  /** Replaces the Clock every bean of this class's application reads (primary over TestClock). */
  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClockConfiguration {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(TestClock.get());
    }
  }

  @Autowired MovableClock clock;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clockBack() {
    clock.reset();
  }

  private Http.Response refresh(String token) {
    return http().postJson("/api/auth/token/refresh/", "{\"refresh\": \"%s\"}".formatted(token));
  }

  private record Family(UUID id, Instant firstIssuedAt) {}

  private Family familyOf(String userId) {
    return jdbc.queryForObject(
        "select family_id, min(issued_at) as first from refresh_token where user_id = ?::uuid"
            + " group by family_id",
        (rs, n) ->
            new Family(rs.getObject("family_id", UUID.class), rs.getTimestamp("first").toInstant()),
        userId);
  }

  @Test
  void aFamilyEndsFourteenDaysAfterItsFirstTokenHoweverOftenItIsRotated() {
    Http.Response registered = register(uniqueEmail("thief"), null);
    String userId = registered.json().path("user").path("id").asString();
    String token = registered.json().path("tokens").path("refresh").asString();
    Family family = familyOf(userId);
    Instant end = family.firstIssuedAt().plus(Duration.ofDays(14));

    // used every week, and one minute before the end: each rotation works ...
    for (Duration at : List.of(Duration.ofDays(7), Duration.ofDays(14).minusMinutes(1))) {
      clock.moveTo(family.firstIssuedAt().plus(at));
      Http.Response rotated = refresh(token);
      assertThat(rotated.status()).as(at + ": " + rotated.body()).isEqualTo(200);
      token = rotated.json().path("refresh").asString();
    }
    // ... but hands on the family's end, not 14 days from the rotation
    assertThat(
            jdbc.queryForList(
                "select distinct expires_at from refresh_token where family_id = ?",
                java.sql.Timestamp.class,
                family.id()))
        .extracting(java.sql.Timestamp::toInstant)
        .containsExactly(end);

    // the token issued a minute ago, never used, is dead once the family's time is up
    clock.moveTo(end);
    assertProblem(refresh(token), 401, INVALID_REFRESH);
  }

  @Test
  void aNewLoginStartsAFamilyWithItsOwnFourteenDays() {
    String email = uniqueEmail("again");
    Http.Response registered = register(email, null);
    String userId = registered.json().path("user").path("id").asString();
    Instant firstStart = familyOf(userId).firstIssuedAt();

    clock.moveTo(firstStart.plus(Duration.ofDays(13)));
    String fresh = loginAs(email).json().path("tokens").path("refresh").asString();

    clock.moveTo(firstStart.plus(Duration.ofDays(20)));
    assertProblem(
        refresh(registered.json().path("tokens").path("refresh").asString()), 401, INVALID_REFRESH);
    assertThat(refresh(fresh).status()).isEqualTo(200);
  }

  /** The test clock, moved on by the test: it ticks on from wherever it was put. */
  static final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    MovableClock(Clock base) {
      this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
      this.base = base;
      this.offset = offset;
    }

    /** From now on "now" is {@code instant} (and a little after, as time passes). */
    void moveTo(Instant instant) {
      offset.set(Duration.between(base.instant(), instant));
    }

    void reset() {
      offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
      return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return base.getZone();
    }

    /** Another zone, the same (moving) instant. */
    @Override
    public Clock withZone(ZoneId zone) {
      return new MovableClock(base.withZone(zone), offset);
    }
  }
}
