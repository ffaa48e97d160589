package io.fieldops.platform.events.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberTest {

  @Test
  void staffIsAnyRoleButCustomer() {
    assertThat(member(List.of("TECHNICIAN")).isStaff()).isTrue();
    assertThat(member(List.of("CUSTOMER", "TECHNICIAN")).isStaff()).isTrue();
    assertThat(member(List.of("CUSTOMER")).isStaff()).isFalse();
    assertThat(member(List.of()).isStaff()).isFalse();
  }

  @Test
  void fullNameLeavesOutBlankPartsAndFallsBackToTheEmail() {
    assertThat(named(" Somchai ", "Jaidee").fullName()).isEqualTo("Somchai Jaidee");
    // the bootstrap admin: first name "Admin", last name ""
    assertThat(named("Admin", "").fullName()).isEqualTo("Admin");
    assertThat(named(null, "Jaidee").fullName()).isEqualTo("Jaidee");
    assertThat(named(null, " ").fullName()).isEqualTo("tech@example.test");
  }

  private static Member member(List<String> roles) {
    return new Member(
        UUID.randomUUID(),
        UUID.randomUUID(),
        roles,
        0,
        true,
        "A",
        "B",
        "a@example.test",
        null,
        Instant.EPOCH);
  }

  private static Member named(String firstName, String lastName) {
    return new Member(
        UUID.randomUUID(),
        UUID.randomUUID(),
        List.of("TECHNICIAN"),
        0,
        true,
        firstName,
        lastName,
        "tech@example.test",
        null,
        Instant.EPOCH);
  }
}
