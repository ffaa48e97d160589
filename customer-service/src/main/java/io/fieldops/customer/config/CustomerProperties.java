package io.fieldops.customer.config;

import io.fieldops.platform.phone.PhoneNumbers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldops.customers.*}.
 *
 * @param defaultPhoneRegion ISO 3166 alpha-2 region used for mobile numbers when auth-service
 *     cannot say what the organisation's {@code default_phone_region} is
 * @param regionCacheTtl how long an organisation's phone region (asked of auth-service) is
 *     remembered; how auth-service is called is {@code fieldops.peers.auth-service.*}
 */
@Validated
@ConfigurationProperties("fieldops.customers")
public record CustomerProperties(
    @NotBlank @DefaultValue("TH") String defaultPhoneRegion,
    @NotNull @DefaultValue("10m") Duration regionCacheTtl) {

  public CustomerProperties {
    if (!PhoneNumbers.isSupportedRegion(defaultPhoneRegion)) {
      throw new IllegalArgumentException(
          "fieldops.customers.default-phone-region: unknown region '"
              + defaultPhoneRegion
              + "' (expected an ISO 3166 alpha-2 code such as TH)");
    }
  }
}
