package io.fieldops.auth.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A business using fieldops; every membership, and every row elsewhere, belongs to one. */
@Entity
@Table(name = "organisation")
public class Organisation {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  @Column(name = "default_phone_region", nullable = false)
  private String defaultPhoneRegion;

  /** Off by default: the user documents' ten-digit numbers are accepted too. */
  @Column(name = "strict_phone_validation", nullable = false)
  private boolean strictPhoneValidation;

  @Column(name = "date_order", nullable = false)
  private String dateOrder;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Organisation() {}

  public Organisation(String slug, String name, String defaultPhoneRegion, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.name = name;
    this.defaultPhoneRegion = defaultPhoneRegion;
    this.dateOrder = "DMY";
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public String getDefaultPhoneRegion() {
    return defaultPhoneRegion;
  }

  public boolean isStrictPhoneValidation() {
    return strictPhoneValidation;
  }

  /** How this organisation reads the phone numbers people give it. */
  public PhoneRule phoneRule() {
    return new PhoneRule(defaultPhoneRegion, strictPhoneValidation);
  }

  /**
   * An admin's change of the phone settings; null leaves a setting as it is. The region must be one
   * {@link io.fieldops.platform.phone.PhoneNumbers} knows (checked by the caller).
   *
   * @return whether anything changed
   */
  public boolean changePhoneSettings(String newRegion, Boolean newStrict) {
    boolean changed = false;
    if (newRegion != null && !newRegion.toUpperCase(Locale.ROOT).equals(defaultPhoneRegion)) {
      defaultPhoneRegion = newRegion.toUpperCase(Locale.ROOT);
      changed = true;
    }
    if (newStrict != null && newStrict != strictPhoneValidation) {
      strictPhoneValidation = newStrict;
      changed = true;
    }
    return changed;
  }

  public long getVersion() {
    return version;
  }

  public String getDateOrder() {
    return dateOrder;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
