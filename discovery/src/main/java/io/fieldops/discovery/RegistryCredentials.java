package io.fieldops.discovery;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one account of the registry ({@code fieldops.discovery.*}): every Eureka client sends it with
 * HTTP basic, embedded in its service URL ({@code
 * http://username:password@discovery:8761/eureka/}), and the Eureka dashboard asks for it. There is
 * no default password: outside the devstack, which passes a development value, the registry does
 * not start until one is configured.
 *
 * <p>Both values go into the clients' URLs as they are, so they are limited to characters a URL
 * carries unescaped (letters, digits, {@code - . _ ~}); a random hex or base64url string of 16
 * characters or more, such as {@code openssl rand -hex 24}, fits.
 *
 * @param username {@code fieldops.discovery.username} ({@code FIELDOPS_DISCOVERY_USERNAME}),
 *     default {@code fieldops}
 * @param password {@code fieldops.discovery.password} ({@code FIELDOPS_DISCOVERY_PASSWORD}),
 *     required
 */
@ConfigurationProperties("fieldops.discovery")
public record RegistryCredentials(@DefaultValue("fieldops") String username, String password) {

  static final int MIN_PASSWORD_LENGTH = 16;
  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

  public RegistryCredentials {
    if (username == null || !URL_SAFE.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "fieldops.discovery.username (FIELDOPS_DISCOVERY_USERNAME) must be letters, digits and"
              + " - . _ ~ only: Eureka clients write it into their service URL");
    }
    if (password == null || password.isBlank()) {
      throw new IllegalArgumentException(
          "fieldops.discovery.password (FIELDOPS_DISCOVERY_PASSWORD) is not set: the registry"
              + " answers only clients that send it (HTTP basic), so it has no default. Set it,"
              + " and give every Eureka client the same value");
    }
    if (password.length() < MIN_PASSWORD_LENGTH || !URL_SAFE.matcher(password).matches()) {
      throw new IllegalArgumentException(
          "fieldops.discovery.password (FIELDOPS_DISCOVERY_PASSWORD) must be at least "
              + MIN_PASSWORD_LENGTH
              + " characters of letters, digits and - . _ ~ only (Eureka clients write it into"
              + " their service URL), for example the output of: openssl rand -hex 24");
    }
  }

  @Override
  public String toString() {
    return "RegistryCredentials[username=" + username + ", password=(secret)]";
  }
}
