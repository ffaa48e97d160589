package io.fieldops.booking.booking;

import io.fieldops.booking.rules.BookingStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A booking (table {@code booking}). Rows are inserted by {@link BookingStore} (the seat claim
 * needs {@code ON CONFLICT}); JPA reads them and changes their status, guarded by {@code version}.
 */
@Entity
@Table(name = "booking")
public class Booking {

  @Id private Long id;
  private UUID orgId;
  private UUID userId;
  private String serviceName;
  private LocalDate bookingDate;
  private LocalTime bookingTime;
  private Instant startsAt;
  private Instant endsAt;
  private int seat;
  private String status;
  private String notes;
  private String username;
  private String firstName;
  private String lastName;
  private String email;
  private String phone;
  private String source;
  private Instant statusChangedAt;
  @Version private long version;
  private Instant createdAt;
  private Instant updatedAt;

  protected Booking() {}

  void changeStatus(BookingStatus next, Instant now) {
    this.status = next.value();
    this.statusChangedAt = now;
    this.updatedAt = now;
  }

  public BookingStatus status() {
    return BookingStatus.fromValue(status).orElseThrow();
  }

  public Long getId() {
    return id;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public UUID getUserId() {
    return userId;
  }

  public String getServiceName() {
    return serviceName;
  }

  public LocalDate getBookingDate() {
    return bookingDate;
  }

  public LocalTime getBookingTime() {
    return bookingTime;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getNotes() {
    return notes;
  }

  public String getUsername() {
    return username;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getSource() {
    return source;
  }

  public Instant getStatusChangedAt() {
    return statusChangedAt;
  }

  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
