package io.fieldops.booking.settings;

import io.fieldops.booking.identity.AuthService;
import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.DateOrder;
import io.fieldops.platform.error.StaleVersionException;
import io.fieldops.platform.web.ETags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organisation's settings. The default organisation (the one auth-service resolves when a
 * request names none) gets seed 001's defaults the first time anyone needs them; any other
 * organisation has none until its admin saves some ("No booking settings found").
 */
@Service
public class SettingsStore {

  private final BookingSettingsRepository settings;
  private final AuthService authService;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SettingsStore(
      BookingSettingsRepository settings,
      AuthService authService,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock) {
    this.settings = settings;
    this.authService = authService;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The organisation's settings; created with the seed defaults for the default organisation. Not
   * one transaction: asking auth-service which organisation is the default must not hold a
   * connection, and the insert is safe on its own ({@code on conflict do nothing}).
   */
  public Optional<BookingSettings> find(UUID orgId) {
    Optional<BookingSettings> found = settings.findById(orgId);
    if (found.isPresent() || !isDefaultOrganisation(orgId)) {
      return found;
    }
    createDefaults(orgId);
    return settings.findById(orgId);
  }

  /** The rules' view of {@link #find}; {@code fallbackOrder} when the settings name none. */
  public Optional<BookingSchedule> schedule(UUID orgId, DateOrder fallbackOrder) {
    return find(orgId).map(s -> s.schedule(fallbackOrder));
  }

  /**
   * Saves the organisation's settings. The default organisation's defaults are made first, outside
   * the transaction (that needs auth-service); an {@code If-Match} for settings that do not exist
   * names a version that is not there: 412.
   */
  public BookingSettings save(
      UUID orgId, BookingSchedule schedule, DateOrder dateOrder, Long expectedVersion) {
    find(orgId);
    return transactions.execute(
        status -> {
          Instant now = clock.instant();
          Optional<BookingSettings> existing = settings.findById(orgId);
          if (existing.isEmpty()) {
            if (expectedVersion != null) {
              throw new StaleVersionException();
            }
            return settings.saveAndFlush(new BookingSettings(orgId, schedule, dateOrder, now));
          }
          BookingSettings current = existing.get();
          ETags.requireVersion(expectedVersion, current.getVersion());
          current.apply(schedule, dateOrder, now);
          return settings.saveAndFlush(current);
        });
  }

  private boolean isDefaultOrganisation(UUID orgId) {
    return authService.defaultOrganisationId().equals(orgId);
  }

  /** Two first requests at once: one insert wins, the other finds its row. */
  private void createDefaults(UUID orgId) {
    BookingSchedule defaults = BookingSchedule.seedDefaults(DateOrder.DMY);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into booking_settings (org_id, time_zone, working_hours, off_days, slot_minutes,
                capacity, min_notice_minutes, max_days_ahead, date_order, version, created_at,
                updated_at)
            values (:org, :zone, :hours, :offDays, :slot, :capacity, :notice, :ahead, null, 0,
                :now, :now)
            on conflict (org_id) do nothing
            """)
        .param("org", orgId)
        .param("zone", defaults.zone().getId())
        .param("hours", WeeklyHoursFormat.hours(defaults.hours()))
        .param("offDays", WeeklyHoursFormat.days(defaults.offDays()))
        .param("slot", (int) defaults.slot().toMinutes())
        .param("capacity", defaults.capacity())
        .param("notice", (int) defaults.minNotice().toMinutes())
        .param("ahead", defaults.maxDaysAhead())
        .param("now", now)
        .update();
  }
}
