package io.fieldops.auth.token;

import io.fieldops.auth.key.SigningKeys;
import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs user access tokens: RS256, the active key's {@code kid}, the claims of docs/architecture.md
 * for one membership. Every service reads them through platform-starter's {@code CurrentUser}.
 */
public class AccessTokens {

  private final JwtEncoder encoder;
  private final SigningKeys keys;
  private final String issuer;
  private final String audience;
  private final Duration ttl;
  private final Clock clock;

  public AccessTokens(
      JwtEncoder encoder,
      SigningKeys keys,
      String issuer,
      String audience,
      Duration ttl,
      Clock clock) {
    this.encoder = encoder;
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.ttl = ttl;
    this.clock = clock;
  }

  public String issue(AppUser user, Membership membership, Organisation organisation) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .audience(List.of(audience))
            .subject(user.getId().toString())
            .issuedAt(now)
            .expiresAt(now.plus(ttl))
            .claim("org_id", organisation.getId().toString())
            .claim("roles", membership.getRoles())
            .claim("level", membership.getLevel())
            .claim("given_name", user.getFirstName())
            .claim("family_name", user.getLastName());
    // Absent rather than null: agent-created users may have no email, others no phone.
    if (user.getEmail() != null) {
      claims.claim("email", user.getEmail());
    }
    if (user.getPhoneNumber() != null) {
      claims.claim("phone_number", user.getPhoneNumber());
    }
    // Naming the kid picks the active key even while retired ones are still in the JWKS.
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().active().getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }
}
