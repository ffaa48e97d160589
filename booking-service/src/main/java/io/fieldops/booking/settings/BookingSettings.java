package io.fieldops.booking.settings;

import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.DateOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** One organisation's booking settings (table {@code booking_settings}). */
@Entity
@Table(name = "booking_settings")
public class BookingSettings {

  @Id
  @Column(name = "org_id")
  private UUID orgId;

  private String timeZone;
  private String workingHours;
  private String offDays;
  private String closedDates;
  private int slotMinutes;
  private int capacity;
  private int minNoticeMinutes;
  private int maxDaysAhead;
  private String dateOrder;
  @Version private long version;
  private Instant createdAt;
  private Instant updatedAt;

  protected BookingSettings() {}

  BookingSettings(UUID orgId, BookingSchedule schedule, DateOrder dateOrder, Instant now) {
    this.orgId = orgId;
    this.createdAt = now;
    apply(schedule, dateOrder, now);
  }

  final void apply(BookingSchedule schedule, DateOrder dateOrder, Instant now) {
    this.timeZone = schedule.zone().getId();
    this.workingHours = WeeklyHoursFormat.hours(schedule.hours());
    this.offDays = WeeklyHoursFormat.days(schedule.offDays());
    this.closedDates = WeeklyHoursFormat.dates(schedule.closedDates());
    this.slotMinutes = (int) schedule.slot().toMinutes();
    this.capacity = schedule.capacity();
    this.minNoticeMinutes = (int) schedule.minNotice().toMinutes();
    this.maxDaysAhead = schedule.maxDaysAhead();
    this.dateOrder = dateOrder == null ? null : dateOrder.name();
    this.updatedAt = now;
  }

  /** The rules' view; {@code fallbackOrder} when these settings name no date order. */
  public BookingSchedule schedule(DateOrder fallbackOrder) {
    return new BookingSchedule(
        ZoneId.of(timeZone),
        WeeklyHoursFormat.hours(workingHours),
        WeeklyHoursFormat.days(offDays),
        WeeklyHoursFormat.dates(closedDates),
        Duration.ofMinutes(slotMinutes),
        capacity,
        Duration.ofMinutes(minNoticeMinutes),
        maxDaysAhead,
        dateOrder == null ? fallbackOrder : DateOrder.valueOf(dateOrder));
  }

  public UUID getOrgId() {
    return orgId;
  }

  /** The order these settings name, or null (the organisation's own). */
  public DateOrder getDateOrder() {
    return dateOrder == null ? null : DateOrder.valueOf(dateOrder);
  }

  public long getVersion() {
    return version;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
