package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.client.ClientSnapshot;
import io.fieldops.jobcard.rules.JobCardStatus;
import io.fieldops.jobcard.rules.PaymentStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A job card: work for a client, its schedule, technician, price, status and payment.
 *
 * <p>Updates write only the columns that changed ({@link DynamicUpdate}): the client snapshot is
 * refreshed behind the entity's back ({@link ClientChanges}, a bulk update that leaves {@code
 * version} alone), and a change of the same job card that loaded the old snapshot before must not
 * write it back.
 */
@Entity
@Table(name = "job_card")
@DynamicUpdate
public class JobCard {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID orgId;
  private String code;
  private UUID clientId;
  private String clientName;
  private String clientMobile;
  private String clientCity;
  private String serviceType;
  private LocalDate scheduleDate;
  private UUID technicianId;
  private String technicianName;
  private BigDecimal price;
  private BigDecimal amountPaid;
  private String paymentStatus;
  private String jobType;
  private String status;
  private String notes;
  private String reference;
  private Instant completedAt;
  private UUID createdBy;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected JobCard() {}

  /** A new job card: status Enquiry, Unpaid. */
  JobCard(UUID orgId, String code, ClientSnapshot client, UUID createdBy, Instant now) {
    this.orgId = orgId;
    this.code = code;
    this.createdBy = createdBy;
    this.status = JobCardStatus.ENQUIRY.value();
    this.paymentStatus = PaymentStatus.UNPAID.value();
    this.amountPaid = BigDecimal.ZERO;
    this.createdAt = now;
    this.updatedAt = now;
    client(client);
  }

  void client(ClientSnapshot client) {
    this.clientId = client.id();
    this.clientName = client.fullName();
    this.clientMobile = client.mobile();
    this.clientCity = client.city();
  }

  void work(String serviceType, String jobType, LocalDate scheduleDate) {
    this.serviceType = serviceType;
    this.jobType = jobType;
    this.scheduleDate = scheduleDate;
  }

  void technician(UUID technicianId, String technicianName) {
    this.technicianId = technicianId;
    this.technicianName = technicianName;
  }

  void price(BigDecimal price) {
    this.price = price;
  }

  void notes(String notes, String reference) {
    this.notes = notes;
    this.reference = reference;
  }

  void status(JobCardStatus next, Instant now) {
    this.status = next.value();
    if (next == JobCardStatus.COMPLETED) {
      this.completedAt = now;
    }
  }

  void payment(PaymentStatus next, BigDecimal amountPaid) {
    this.paymentStatus = next.value();
    this.amountPaid = amountPaid;
  }

  void touched(Instant now) {
    this.updatedAt = now;
  }

  public JobCardStatus status() {
    return JobCardStatus.fromValue(status).orElseThrow();
  }

  public PaymentStatus paymentStatus() {
    return PaymentStatus.fromValue(paymentStatus).orElseThrow();
  }

  public Long getId() {
    return id;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getCode() {
    return code;
  }

  public UUID getClientId() {
    return clientId;
  }

  public String getClientName() {
    return clientName;
  }

  public String getClientMobile() {
    return clientMobile;
  }

  public String getClientCity() {
    return clientCity;
  }

  public String getServiceType() {
    return serviceType;
  }

  public LocalDate getScheduleDate() {
    return scheduleDate;
  }

  public UUID getTechnicianId() {
    return technicianId;
  }

  public String getTechnicianName() {
    return technicianName;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public BigDecimal getAmountPaid() {
    return amountPaid;
  }

  public String getPaymentStatus() {
    return paymentStatus;
  }

  public String getJobType() {
    return jobType;
  }

  public String getStatus() {
    return status;
  }

  public String getNotes() {
    return notes;
  }

  public String getReference() {
    return reference;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public UUID getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
