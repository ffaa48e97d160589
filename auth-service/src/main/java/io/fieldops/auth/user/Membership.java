package io.fieldops.auth.user;

import io.fieldops.platform.security.Level;
import io.fieldops.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's place in one organisation: the roles and level an access token for that organisation
 * carries. One per (user, organisation), enforced by the database.
 */
@Entity
@Table(name = "membership")
public class Membership {

  /** Ticket seed levels: 0 technician_l1, 1 other staff, 2 supervisor, 3 admin. */
  public static final int ADMIN_LEVEL = Level.ADMIN.value();

  /**
   * Customers get the lowest level so that no staff check ({@code requireLevel(1)} and up) passes
   * for them; what they may do is decided by their CUSTOMER role.
   */
  public static final int CUSTOMER_LEVEL = 0;

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] roles;

  @Column(nullable = false)
  private int level;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MembershipKind kind;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** False once an admin of the organisation deactivated it: no login or refresh through it. */
  @Column(name = "is_active", nullable = false)
  private boolean active = true;

  /** How it came to be: decides what the organisation may see of the person. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MembershipOrigin origin;

  protected Membership() {}

  private Membership(
      UUID userId,
      UUID organisationId,
      Role role,
      int level,
      MembershipKind kind,
      MembershipOrigin origin,
      Instant now) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.organisationId = organisationId;
    this.roles = new String[] {role.name()};
    this.level = level;
    this.kind = kind;
    this.origin = origin;
    this.createdAt = now;
  }

  /** The person who created the organisation (seed 004): its ADMIN at the top level. */
  public static Membership founder(UUID userId, UUID organisationId, Instant now) {
    return admin(userId, organisationId, MembershipOrigin.CREATED, now);
  }

  /**
   * An ADMIN at the top level: the founder, or the deployment's bootstrap admin ({@code CREATED}
   * with the account, {@code BOOTSTRAP} for an account that existed already).
   */
  public static Membership admin(
      UUID userId, UUID organisationId, MembershipOrigin origin, Instant now) {
    return new Membership(
        userId, organisationId, Role.ADMIN, ADMIN_LEVEL, MembershipKind.STAFF, origin, now);
  }

  /**
   * Someone joining an existing organisation from outside: a CUSTOMER. Staff roles are only ever
   * granted by that organisation's admin, never by self-registration.
   */
  public static Membership customer(UUID userId, UUID organisationId, Instant now) {
    return new Membership(
        userId,
        organisationId,
        Role.CUSTOMER,
        CUSTOMER_LEVEL,
        MembershipKind.CUSTOMER,
        MembershipOrigin.CREATED,
        now);
  }

  /**
   * A membership an organisation admin granted, with the roles and level they chose: with a new
   * account it created ({@code CREATED}) or through an invitation the person accepted ({@code
   * INVITED}).
   */
  public static Membership granted(
      UUID userId,
      UUID organisationId,
      List<Role> roles,
      int level,
      MembershipOrigin origin,
      Instant now) {
    Membership membership =
        new Membership(
            userId, organisationId, roles.get(0), level, MembershipKind.CUSTOMER, origin, now);
    membership.change(roles, level);
    return membership;
  }

  public UUID getId() {
    return id;
  }

  public UUID getUserId() {
    return userId;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public List<String> getRoles() {
    return Arrays.asList(roles.clone());
  }

  public int getLevel() {
    return level;
  }

  public MembershipKind getKind() {
    return kind;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isActive() {
    return active;
  }

  public MembershipOrigin getOrigin() {
    return origin;
  }

  /** Whether the organisation may see the account's own identity (not for an ADDED one). */
  public boolean sharesIdentity() {
    return origin.sharesIdentity();
  }

  /**
   * The person accepted the organisation's invitation: the roles and level it offered, and from now
   * on the organisation sees who they are (an ADDED membership becomes INVITED; one the person
   * already shared keeps its origin).
   */
  public void acceptInvitation(List<Role> newRoles, int newLevel) {
    change(newRoles, newLevel);
    if (origin == MembershipOrigin.ADDED) {
      origin = MembershipOrigin.INVITED;
    }
  }

  /** New roles and level (an organisation admin's change); kind follows the roles. */
  public void change(List<Role> newRoles, int newLevel) {
    this.roles = newRoles.stream().map(Role::name).toArray(String[]::new);
    this.level = newLevel;
    this.kind =
        newRoles.stream().anyMatch(Role::isStaff) ? MembershipKind.STAFF : MembershipKind.CUSTOMER;
  }

  /** True when this call deactivated it, false when it already was. */
  public boolean deactivate() {
    boolean was = active;
    active = false;
    return was;
  }

  /** True when this call reactivated it, false when it was active. */
  public boolean reactivate() {
    boolean was = active;
    active = true;
    return !was;
  }

  /** ADMIN role at the admin level: what the organisation-admin endpoints require. */
  public boolean isEffectiveAdmin() {
    return active && level == ADMIN_LEVEL && Arrays.asList(roles).contains(Role.ADMIN.name());
  }
}
