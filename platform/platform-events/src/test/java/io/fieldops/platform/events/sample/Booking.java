package io.fieldops.platform.events.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "sample_booking")
public class Booking {

  @Id private UUID id;

  @Column(name = "org_id", nullable = false)
  private UUID orgId;

  @Column(nullable = false)
  private String title;

  protected Booking() {}

  public Booking(UUID id, UUID orgId, String title) {
    this.id = id;
    this.orgId = orgId;
    this.title = title;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getTitle() {
    return title;
  }
}
