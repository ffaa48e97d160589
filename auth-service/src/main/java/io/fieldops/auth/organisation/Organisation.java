package io.fieldops.auth.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

  @Column(name = "date_order", nullable = false)
  private String dateOrder;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

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

  public String getDateOrder() {
    return dateOrder;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
