package io.fieldops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.ForbiddenException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CurrentUserClaimsTest {

  private static Jwt.Builder jwt() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60));
  }

  @Test
  void mapsEveryClaim() {
    UUID id = UUID.randomUUID();
    UUID org = UUID.randomUUID();
    Jwt token =
        jwt()
            .subject(id.toString())
            .claim("org_id", org.toString())
            .claim("email", "ploy@example.test")
            .claim("given_name", "Ploy")
            .claim("family_name", "Chaiyo")
            .claim("phone_number", "+66812345678")
            .claim("roles", List.of("AGENT", "technician", "UNKNOWN"))
            .claim("level", 1L)
            .build();

    assertThat(CurrentUserClaims.from(token))
        .isEqualTo(
            new CurrentUser(
                id,
                org,
                "ploy@example.test",
                "Ploy",
                "Chaiyo",
                "+66812345678",
                Set.of(Role.AGENT, Role.TECHNICIAN),
                1));
  }

  @Test
  void missingOptionalClaimsAreNullAndLevelIsBelowEveryLevel() {
    UUID id = UUID.randomUUID();
    CurrentUser user = CurrentUserClaims.from(jwt().subject(id.toString()).build());

    assertThat(user.orgId()).isNull();
    assertThat(user.roles()).isEmpty();
    assertThat(user.level()).isEqualTo(CurrentUser.NO_LEVEL);
  }

  @Test
  void aSubjectThatIsNoUserIsForbidden() {
    assertThatThrownBy(() -> CurrentUserClaims.from(jwt().subject("booking-service").build()))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void rolesMayArriveAsSpaceSeparatedText() {
    Jwt token = jwt().subject(UUID.randomUUID().toString()).claim("roles", "AGENT ADMIN").build();

    assertThat(CurrentUserClaims.from(token).roles())
        .containsExactlyInAnyOrder(Role.AGENT, Role.ADMIN);
  }
}
