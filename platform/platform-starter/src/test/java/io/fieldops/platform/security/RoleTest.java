package io.fieldops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void readsClaimValuesCaseInsensitively() {
    assertThat(Role.fromClaim("admin")).contains(Role.ADMIN);
    assertThat(Role.fromClaim(" AGENT ")).contains(Role.AGENT);
  }

  @Test
  void ignoresUnknownRoles() {
    assertThat(Role.fromClaim("ROOT")).isEmpty();
    assertThat(Role.fromClaim(null)).isEmpty();
  }

  @Test
  void authorityHasSpringPrefix() {
    assertThat(Role.SUPERVISOR.authority()).isEqualTo("ROLE_SUPERVISOR");
  }
}
