package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.BusinessRuleException;
import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.idempotency.IdempotentRequest;
import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.fieldops.platform.events.sample.BookingService;
import io.fieldops.platform.test.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The Idempotency-Key store against real PostgreSQL: replay, mismatch, races, expiry. */
@IntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class IdempotencyKeysIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired IdempotencyKeys idempotency;
  @Autowired BookingService bookings;
  @Autowired JdbcTemplate jdbc;

  record CreateBooking(String title) {}

  /** The answer a create endpoint would give: 201 with the new booking's id and title. */
  private StoredAnswer create(UUID org, String title) {
    var event = bookings.create(org, title);
    return new StoredAnswer(
        201, JSON.valueToTree(Map.of("booking_id", event.data().bookingId(), "title", title)));
  }

  private int bookingsOf(UUID org) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM sample_booking WHERE org_id = ?", Integer.class, org);
  }

  private Optional<IdempotentRequest> key(String key, UUID org, String title) {
    return idempotency.key(key, "create-booking", org, new CreateBooking(title));
  }

  @Test
  void aRetryGetsTheFirstAnswerAndCreatesNothing() {
    UUID org = UUID.randomUUID();
    Optional<IdempotentRequest> key = key("retry-1", org, "Pest control");
    assertThat(key.flatMap(idempotency::replay)).isEmpty();

    StoredAnswer first = idempotency.execute(key, () -> create(org, "Pest control"));
    Optional<IdempotentRequest> again = key("  retry-1 ", org, "Pest control");
    assertThat(again.flatMap(idempotency::replay)).contains(first);
    assertThat(idempotency.execute(again, () -> create(org, "Pest control"))).isEqualTo(first);
    assertThat(bookingsOf(org)).isOne();
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefused() {
    UUID org = UUID.randomUUID();
    idempotency.execute(key("k", org, "First"), () -> create(org, "First"));

    assertThatThrownBy(() -> key("k", org, "Second").flatMap(idempotency::replay))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(422);
              assertThat(e.messageKey()).isEqualTo("fieldops.idempotency.mismatch");
              assertThat(e.details())
                  .containsExactly(Map.entry("Idempotency-Key", "fieldops.idempotency.mismatch"));
            });
    assertThat(bookingsOf(org)).isOne();
  }

  @Test
  void keysAreOrganisationsOwn() {
    UUID one = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    StoredAnswer first = idempotency.execute(key("shared", one, "X"), () -> create(one, "X"));
    StoredAnswer second = idempotency.execute(key("shared", other, "X"), () -> create(other, "X"));
    assertThat(second).isNotEqualTo(first);
    assertThat(bookingsOf(one)).isOne();
    assertThat(bookingsOf(other)).isOne();
  }

  @Test
  void noKeyOrABlankOneIsNoKeyAndATooLongOneIsA400NamingTheHeader() {
    UUID org = UUID.randomUUID();
    assertThat(key(null, org, "X")).isEmpty();
    assertThat(key("   ", org, "X")).isEmpty();
    assertThat(key("k".repeat(IdempotencyKeys.MAX_LENGTH), org, "X")).isPresent();
    assertThatThrownBy(() -> key("k".repeat(IdempotencyKeys.MAX_LENGTH + 1), org, "X"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.details())
                    .containsExactly(
                        Map.entry("Idempotency-Key", "fieldops.idempotency.too-long-detail")));
  }

  @Test
  void aRefusedRequestIsNotRememberedSoItsRetryIsEvaluatedAgain() {
    UUID org = UUID.randomUUID();
    Optional<IdempotentRequest> key = key("refused", org, "X");
    assertThatThrownBy(
            () ->
                idempotency.execute(
                    key,
                    () -> {
                      create(org, "X");
                      throw new BusinessRuleException("This time slot is already reserved");
                    }))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(bookingsOf(org)).as("rolled back with the key").isZero();

    StoredAnswer retried = idempotency.execute(key, () -> create(org, "X"));
    assertThat(retried.status()).isEqualTo(201);
    assertThat(bookingsOf(org)).isOne();
  }

  @Test
  void tenConcurrentDuplicatesCreateOnceAndAllGetTheSameAnswer() throws Exception {
    UUID org = UUID.randomUUID();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StoredAnswer>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      for (int i = 0; i < 10; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  Optional<IdempotentRequest> key = key("burst", org, "Burst");
                  Optional<StoredAnswer> earlier = key.flatMap(idempotency::replay);
                  return earlier.orElseGet(
                      () -> idempotency.execute(key, () -> create(org, "Burst")));
                }));
      }
      start.countDown();
      List<StoredAnswer> results = new ArrayList<>();
      for (Future<StoredAnswer> answer : answers) {
        results.add(answer.get());
      }
      assertThat(results).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
      assertThat(results.stream().distinct()).hasSize(1);
    }
    assertThat(bookingsOf(org)).isOne();
  }

  @Test
  void expiredKeysAreForgottenAndMayBeUsedAgain() {
    UUID org = UUID.randomUUID();
    Optional<IdempotentRequest> key = key("old", org, "X");
    idempotency.execute(key, () -> create(org, "X"));
    jdbc.update(
        "UPDATE idempotency_key SET created_at = now() - interval '2 days' WHERE org_id = ?", org);

    assertThat(idempotency.forgetOlderThan(Duration.ofDays(1))).isOne();
    assertThat(key.flatMap(idempotency::replay)).isEmpty();
    idempotency.execute(key, () -> create(org, "X"));
    assertThat(bookingsOf(org)).isEqualTo(2);
  }
}
