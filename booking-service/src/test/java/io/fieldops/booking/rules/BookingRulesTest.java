package io.fieldops.booking.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One spec per rule, against seed 001's defaults unless said otherwise. */
class BookingRulesTest {

  private static final BookingSchedule SEED = BookingSchedule.seedDefaults(DateOrder.DMY);
  private static final LocalDate MONDAY = LocalDate.of(2030, 10, 21);
  private static final Instant NOW = Instant.parse("2030-10-01T00:00:00Z");

  private static Slot slot(LocalDate date, String time) {
    return Slot.of(date, LocalTime.parse(time), SEED);
  }

  @Test
  void sundayIsAnOffDayByDefault() {
    assertThat(OffDayPolicy.check(slot(MONDAY.minusDays(1), "14:00"), SEED))
        .contains(Violation.OFF_DAY);
    assertThat(OffDayPolicy.check(slot(MONDAY, "14:00"), SEED)).isEmpty();
  }

  @Test
  void aClosedDateIsAnOffDay() {
    BookingSchedule holiday =
        new BookingSchedule(
            SEED.zone(),
            SEED.hours(),
            SEED.offDays(),
            Set.of(MONDAY),
            SEED.slot(),
            1,
            Duration.ZERO,
            365,
            DateOrder.DMY);
    assertThat(OffDayPolicy.check(Slot.of(MONDAY, LocalTime.NOON, holiday), holiday))
        .contains(Violation.OFF_DAY);
    assertThat(OffDayPolicy.check(Slot.of(MONDAY.plusWeeks(1), LocalTime.NOON, holiday), holiday))
        .isEmpty();
    assertThat(FreeSlots.of(MONDAY, holiday, java.util.List.of(), NOW)).isEmpty();
  }

  @Test
  void aWeekdayWithoutHoursIsClosed() {
    BookingSchedule noSaturday =
        new BookingSchedule(
            SEED.zone(),
            Map.of(DayOfWeek.MONDAY, WorkingHours.of("09:00", "12:00")),
            EnumSet.noneOf(DayOfWeek.class),
            Set.of(),
            SEED.slot(),
            1,
            Duration.ZERO,
            365,
            DateOrder.DMY);
    assertThat(noSaturday.isOffDay(DayOfWeek.SATURDAY)).isTrue();
    assertThat(noSaturday.isOffDay(DayOfWeek.MONDAY)).isFalse();
  }

  @Test
  void theWholeSlotMustFitInsideWorkingHours() {
    assertThat(WorkingHoursPolicy.check(slot(MONDAY, "12:00"), SEED)).isEmpty();
    assertThat(WorkingHoursPolicy.check(slot(MONDAY, "16:00"), SEED)).isEmpty();
    for (String time : new String[] {"11:59", "16:01", "16:30", "17:00", "08:00", "23:30"}) {
      assertThat(WorkingHoursPolicy.check(slot(MONDAY, time), SEED))
          .as(time)
          .contains(Violation.OUTSIDE_WORKING_HOURS);
    }
  }

  @Test
  void thePastIsSeenInTheOrganisationsZone() {
    // 2030-10-21 14:00 in Bangkok is 07:00 UTC
    Instant justBefore = Instant.parse("2030-10-21T06:59:59Z");
    Instant atStart = Instant.parse("2030-10-21T07:00:00Z");
    assertThat(BookingWindowPolicy.check(slot(MONDAY, "14:00"), SEED, justBefore)).isEmpty();
    assertThat(BookingWindowPolicy.check(slot(MONDAY, "14:00"), SEED, atStart))
        .contains(Violation.PAST);
  }

  @Test
  void minimumNoticeAndMaximumDaysAhead() {
    BookingSchedule strict =
        new BookingSchedule(
            ZoneId.of("Asia/Bangkok"),
            SEED.hours(),
            SEED.offDays(),
            Set.of(),
            SEED.slot(),
            1,
            Duration.ofHours(2),
            10,
            DateOrder.DMY);
    Instant now = Instant.parse("2030-10-21T05:30:00Z"); // 12:30 in Bangkok
    assertThat(BookingWindowPolicy.check(Slot.of(MONDAY, LocalTime.of(14, 0), strict), strict, now))
        .contains(Violation.TOO_SHORT_NOTICE);
    assertThat(BookingWindowPolicy.check(Slot.of(MONDAY, LocalTime.of(15, 0), strict), strict, now))
        .isEmpty();
    assertThat(
            BookingWindowPolicy.check(
                Slot.of(MONDAY.plusDays(10), LocalTime.of(15, 0), strict), strict, now))
        .isEmpty();
    assertThat(
            BookingWindowPolicy.check(
                Slot.of(MONDAY.plusDays(11), LocalTime.of(15, 0), strict), strict, now))
        .contains(Violation.TOO_FAR_AHEAD);
  }

  @Test
  void rulesAreReportedPastFirstThenTheSeedsOrder() {
    assertThat(BookingRules.check(slot(LocalDate.of(2030, 9, 1), "09:00"), SEED, NOW))
        .contains(Violation.PAST);
    assertThat(BookingRules.check(slot(MONDAY.minusDays(1), "09:00"), SEED, NOW))
        .contains(Violation.OFF_DAY);
    assertThat(BookingRules.check(slot(MONDAY, "09:00"), SEED, NOW))
        .contains(Violation.OUTSIDE_WORKING_HOURS);
    assertThat(BookingRules.check(slot(MONDAY, "14:00"), SEED, NOW)).isEmpty();
  }

  @Test
  void slotsAreHalfOpenIntervals() {
    Slot one = slot(MONDAY, "13:00");
    assertThat(one.overlaps(slot(MONDAY, "14:00"))).isFalse();
    assertThat(one.overlaps(slot(MONDAY, "13:30"))).isTrue();
    assertThat(one.overlaps(slot(MONDAY, "12:01"))).isTrue();
    assertThat(one.overlaps(slot(MONDAY, "12:00"))).isFalse();
    assertThat(one.endsAt()).isEqualTo(one.startsAt().plus(Duration.ofHours(1)));
  }

  @Test
  void onlyAnUpcomingBookingChangesAndOnlyToAFinalState() {
    assertThat(BookingStatus.UPCOMING.canBecome(BookingStatus.COMPLETED)).isTrue();
    assertThat(BookingStatus.UPCOMING.canBecome(BookingStatus.CANCELLED)).isTrue();
    assertThat(BookingStatus.UPCOMING.canBecome(BookingStatus.NO_SHOW)).isTrue();
    assertThat(BookingStatus.UPCOMING.canBecome(BookingStatus.UPCOMING)).isFalse();
    for (BookingStatus done :
        new BookingStatus[] {
          BookingStatus.COMPLETED, BookingStatus.CANCELLED, BookingStatus.NO_SHOW
        }) {
      for (BookingStatus next : BookingStatus.values()) {
        assertThat(done.canBecome(next)).as(done + " -> " + next).isFalse();
      }
    }
    assertThat(BookingStatus.fromValue("no_show")).contains(BookingStatus.NO_SHOW);
    assertThat(BookingStatus.fromValue(" Upcoming ")).contains(BookingStatus.UPCOMING);
    assertThat(BookingStatus.fromValue("pending")).isEmpty();
    assertThat(BookingStatus.NO_SHOW.value()).isEqualTo("no_show");
  }
}
