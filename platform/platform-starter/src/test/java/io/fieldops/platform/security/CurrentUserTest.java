package io.fieldops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.ForbiddenException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

  private static CurrentUser user(Set<Role> roles, int level) {
    return new CurrentUser(
        UUID.randomUUID(), UUID.randomUUID(), "a@b.test", "A", "B", null, roles, level);
  }

  @Test
  void staffIsAgentAndAbove() {
    assertThat(user(Set.of(Role.CUSTOMER), 1).isStaff()).isFalse();
    assertThat(user(Set.of(Role.AGENT), 1).isStaff()).isTrue();
    assertThat(user(Set.of(Role.TECHNICIAN), 0).isStaff()).isTrue();
    assertThat(user(Set.of(Role.SUPERVISOR), 2).isStaff()).isTrue();
    assertThat(user(Set.of(Role.ADMIN), 3).isStaff()).isTrue();
    assertThat(user(Set.of(), 1).isStaff()).isFalse();
  }

  @Test
  void requireRolePassesWithAnyOfTheRoles() {
    CurrentUser agent = user(Set.of(Role.AGENT), 1);

    assertThat(agent.requireRole(Role.ADMIN, Role.AGENT)).isSameAs(agent);
    assertThat(agent.hasRole(Role.AGENT)).isTrue();
    assertThatThrownBy(() -> agent.requireRole(Role.ADMIN)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void requireLevelComparesAtLeast() {
    CurrentUser supervisor = user(Set.of(Role.SUPERVISOR), 2);

    assertThat(supervisor.requireLevel(Level.SUPERVISOR)).isSameAs(supervisor);
    assertThat(supervisor.requireLevel(Level.STAFF)).isSameAs(supervisor);
    assertThatThrownBy(() -> supervisor.requireLevel(Level.ADMIN))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void missingLevelNeverPasses() {
    CurrentUser noLevel = user(Set.of(Role.ADMIN), CurrentUser.NO_LEVEL);
    assertThatThrownBy(() -> noLevel.requireLevel(Level.TECHNICIAN_L1))
        .isInstanceOf(ForbiddenException.class);
    assertThat(noLevel.worksOrganisationData()).isFalse();
  }

  @Test
  void level1StaffWorkTheOrganisationsDataTechniciansOfLevel0AndCustomersDoNot() {
    assertThat(user(Set.of(Role.AGENT), 1).worksOrganisationData()).isTrue();
    assertThat(user(Set.of(Role.TECHNICIAN), 1).worksOrganisationData()).isTrue();
    assertThat(user(Set.of(Role.ADMIN), 3).worksOrganisationData()).isTrue();
    assertThat(user(Set.of(Role.TECHNICIAN), 0).worksOrganisationData()).isFalse();
    assertThat(user(Set.of(Role.CUSTOMER), 1).worksOrganisationData()).isFalse();
    assertThatThrownBy(() -> user(Set.of(Role.TECHNICIAN), 0).requireWorksOrganisationData())
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void requireStaffRefusesCustomers() {
    assertThatThrownBy(() -> user(Set.of(Role.CUSTOMER), 1).requireStaff())
        .isInstanceOf(ForbiddenException.class);
  }
}
