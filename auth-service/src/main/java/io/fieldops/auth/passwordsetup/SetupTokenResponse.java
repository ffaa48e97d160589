package io.fieldops.auth.passwordsetup;

import java.time.Instant;

/** The link's secret (shown once, never stored) and when it stops working. */
public record SetupTokenResponse(String token, Instant expiresAt) {

  @Override
  public String toString() {
    return "SetupTokenResponse[token redacted, expires " + expiresAt + "]";
  }
}
