package io.fieldops.customer.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer of one organisation: linked to a user (identity in auth-service) or standalone (a
 * walk-in client, who has its own name, mobile, email and notes).
 */
@Entity
@Table(name = "customer")
public class Customer {

  @Id private UUID id;

  @Column(name = "org_id", nullable = false, updatable = false)
  private UUID orgId;

  @Column(name = "user_id", updatable = false)
  private UUID userId;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(name = "street_address")
  private String streetAddress;

  private String city;
  private String state;

  @Column(name = "postal_code")
  private String postalCode;

  private String country;

  @Column(name = "company_name")
  private String companyName;

  @Column(name = "business_type")
  private String businessType;

  @Column(name = "tax_id")
  private String taxId;

  @Column(name = "emergency_contact_name")
  private String emergencyContactName;

  @Column(name = "emergency_contact_phone")
  private String emergencyContactPhone;

  @Column(name = "emergency_contact_relationship")
  private String emergencyContactRelationship;

  @Column(name = "is_verified", nullable = false)
  private boolean verified;

  @Column(name = "customer_since", nullable = false)
  private LocalDate customerSince;

  @Column(name = "last_service_date")
  private LocalDate lastServiceDate;

  @Column(name = "total_services", nullable = false)
  private int totalServices;

  @Column(name = "preferred_contact_method", nullable = false)
  private String preferredContactMethod;

  @Column(name = "customer_type", nullable = false)
  private String customerType;

  @Column(name = "notify_email", nullable = false)
  private boolean notifyEmail;

  @Column(name = "notify_sms", nullable = false)
  private boolean notifySms;

  @Column(name = "notify_push", nullable = false)
  private boolean notifyPush;

  @Column(name = "full_name")
  private String fullName;

  private String mobile;

  @Column(name = "mobile_key")
  private String mobileKey;

  private String email;
  private String notes;

  @Column(name = "is_active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Customer() {}

  /** A new customer, not yet stored; {@link #isLinked()} when {@code userId} is given. */
  public static Customer create(
      UUID orgId, UUID userId, String code, Instant now, LocalDate today) {
    Customer customer = new Customer();
    customer.id = UUID.randomUUID();
    customer.orgId = orgId;
    customer.userId = userId;
    customer.code = code;
    customer.customerSince = today;
    customer.preferredContactMethod = ContactMethods.DEFAULT;
    customer.customerType = CustomerTypes.DEFAULT;
    customer.notifyEmail = true;
    customer.active = true;
    customer.createdAt = now;
    customer.updatedAt = now;
    return customer;
  }

  public boolean isLinked() {
    return userId != null;
  }

  /** One more service delivered on {@code date}; the last service date never moves backwards. */
  public void recordService(LocalDate date, Instant now) {
    totalServices++;
    if (lastServiceDate == null || date.isAfter(lastServiceDate)) {
      lastServiceDate = date;
    }
    updatedAt = now;
  }

  /** Whether anything changed. */
  public boolean verify(Instant now) {
    if (verified) {
      return false;
    }
    verified = true;
    updatedAt = now;
    return true;
  }

  /**
   * Copies the address, business and emergency-contact members {@code source} has and this customer
   * lacks; what this customer already holds is never overwritten.
   *
   * @return whether anything changed
   */
  boolean fillBlanksFrom(Customer source, Instant now) {
    String[] before = texts();
    streetAddress = first(streetAddress, source.streetAddress);
    city = first(city, source.city);
    state = first(state, source.state);
    postalCode = first(postalCode, source.postalCode);
    country = first(country, source.country);
    companyName = first(companyName, source.companyName);
    businessType = first(businessType, source.businessType);
    taxId = first(taxId, source.taxId);
    emergencyContactName = first(emergencyContactName, source.emergencyContactName);
    emergencyContactPhone = first(emergencyContactPhone, source.emergencyContactPhone);
    emergencyContactRelationship =
        first(emergencyContactRelationship, source.emergencyContactRelationship);
    boolean changed = !java.util.Arrays.equals(before, texts());
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  private String[] texts() {
    return new String[] {
      streetAddress,
      city,
      state,
      postalCode,
      country,
      companyName,
      businessType,
      taxId,
      emergencyContactName,
      emergencyContactPhone,
      emergencyContactRelationship
    };
  }

  private static String first(String current, String candidate) {
    return current != null ? current : candidate;
  }

  public void touch(Instant now) {
    updatedAt = now;
  }

  void setStreetAddress(String value) {
    streetAddress = value;
  }

  void setCity(String value) {
    city = value;
  }

  void setState(String value) {
    state = value;
  }

  void setPostalCode(String value) {
    postalCode = value;
  }

  void setCountry(String value) {
    country = value;
  }

  void setCompanyName(String value) {
    companyName = value;
  }

  void setBusinessType(String value) {
    businessType = value;
  }

  void setTaxId(String value) {
    taxId = value;
  }

  void setEmergencyContactName(String value) {
    emergencyContactName = value;
  }

  void setEmergencyContactPhone(String value) {
    emergencyContactPhone = value;
  }

  void setEmergencyContactRelationship(String value) {
    emergencyContactRelationship = value;
  }

  void setCustomerType(String value) {
    customerType = value;
  }

  void setPreferredContactMethod(String value) {
    preferredContactMethod = value;
  }

  void setNotifications(boolean email, boolean sms, boolean push) {
    notifyEmail = email;
    notifySms = sms;
    notifyPush = push;
  }

  /** Standalone clients only: identity of a linked customer is auth-service's. */
  public void setClientIdentity(String fullName, String mobile, String mobileKey, String email) {
    requireStandalone();
    this.fullName = fullName;
    this.mobile = mobile;
    this.mobileKey = mobileKey;
    this.email = email;
  }

  /** A walk-in client's city, address and notes as seed 000's {@code client_data} gives them. */
  public void setClientDetails(String city, String streetAddress, String notes) {
    requireStandalone();
    this.city = city;
    this.streetAddress = streetAddress;
    this.notes = notes;
  }

  void setNotes(String value) {
    requireStandalone();
    notes = value;
  }

  private void requireStandalone() {
    if (isLinked()) {
      throw new IllegalStateException("customer " + id + " is linked to a user");
    }
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public UUID getUserId() {
    return userId;
  }

  public String getCode() {
    return code;
  }

  public String getStreetAddress() {
    return streetAddress;
  }

  public String getCity() {
    return city;
  }

  public String getState() {
    return state;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public String getCountry() {
    return country;
  }

  public String getCompanyName() {
    return companyName;
  }

  public String getBusinessType() {
    return businessType;
  }

  public String getTaxId() {
    return taxId;
  }

  public String getEmergencyContactName() {
    return emergencyContactName;
  }

  public String getEmergencyContactPhone() {
    return emergencyContactPhone;
  }

  public String getEmergencyContactRelationship() {
    return emergencyContactRelationship;
  }

  public boolean isVerified() {
    return verified;
  }

  public LocalDate getCustomerSince() {
    return customerSince;
  }

  public LocalDate getLastServiceDate() {
    return lastServiceDate;
  }

  public int getTotalServices() {
    return totalServices;
  }

  public String getCustomerType() {
    return customerType;
  }

  public String getPreferredContactMethod() {
    return preferredContactMethod;
  }

  public boolean isNotifyEmail() {
    return notifyEmail;
  }

  public boolean isNotifySms() {
    return notifySms;
  }

  public boolean isNotifyPush() {
    return notifyPush;
  }

  public String getFullName() {
    return fullName;
  }

  public String getMobile() {
    return mobile;
  }

  public String getMobileKey() {
    return mobileKey;
  }

  public String getEmail() {
    return email;
  }

  public String getNotes() {
    return notes;
  }

  public boolean isActive() {
    return active;
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
