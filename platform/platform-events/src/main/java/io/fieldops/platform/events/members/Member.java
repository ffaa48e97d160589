package io.fieldops.platform.events.members;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person's membership of one organisation as auth-service last announced it on topic {@code
 * users}. Identity (names, email, phone) is global and may be missing for a person whose
 * registration this service never saw; roles and level belong to this organisation only.
 *
 * @param level the ticket seed's level: 0 technician_l1, 1 other staff, 2 supervisor, 3 admin
 * @param active false once the organisation deactivated the membership
 * @param updatedAt when the last applied change happened in auth-service
 */
public record Member(
    UUID orgId,
    UUID userId,
    List<String> roles,
    int level,
    boolean active,
    String firstName,
    String lastName,
    String email,
    String phoneNumber,
    Instant updatedAt) {

  /** The one role that is not staff (docs/architecture.md "Identity and tenancy"). */
  public static final String CUSTOMER = "CUSTOMER";

  public Member {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(userId, "userId");
    roles = List.copyOf(roles);
  }

  /** Staff is every role but CUSTOMER: a technician who is also a customer is staff. */
  public boolean isStaff() {
    return roles.stream().anyMatch(role -> !CUSTOMER.equals(role));
  }

  /**
   * First and last name joined by a space, blank parts left out; the email when neither is known,
   * so a list of technicians never shows an empty entry.
   */
  public String fullName() {
    String name =
        Stream.of(firstName, lastName)
            .filter(part -> part != null && !part.isBlank())
            .map(String::trim)
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? email : name;
  }
}
