package io.fieldops.customer.config;

import io.fieldops.customer.phone.MobileNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldops.customers.*}.
 *
 * @param defaultPhoneRegion ISO 3166 alpha-2 region used for mobile numbers when auth-service
 *     cannot say what the organisation's {@code default_phone_region} is
 * @param authService how auth-service is reached
 */
@Validated
@ConfigurationProperties("fieldops.customers")
public record CustomerProperties(
    @NotBlank @DefaultValue("TH") String defaultPhoneRegion,
    @Valid @DefaultValue AuthService authService) {

  public CustomerProperties {
    if (!MobileNumbers.isSupportedRegion(defaultPhoneRegion)) {
      throw new IllegalArgumentException(
          "fieldops.customers.default-phone-region: unknown region '"
              + defaultPhoneRegion
              + "' (expected an ISO 3166 alpha-2 code such as TH)");
    }
  }

  /**
   * @param baseUrl {@code lb://auth-service} resolves through Eureka and the load balancer; an
   *     {@code http(s)://} URL is called as it is
   * @param timeout the most a call may take before its answer is given up (Resilience4j time
   *     limiter; the HTTP client's read timeout is the same)
   * @param failureRateThreshold percentage of failed calls (of the last ten) that opens the breaker
   * @param openFor how long an open breaker answers at once without calling
   * @param regionCacheTtl how long an organisation's phone region is remembered
   */
  public record AuthService(
      @NotNull @DefaultValue("lb://auth-service") URI baseUrl,
      @NotNull @DefaultValue("2s") Duration timeout,
      @DefaultValue("50") float failureRateThreshold,
      @NotNull @DefaultValue("10s") Duration openFor,
      @NotNull @DefaultValue("10m") Duration regionCacheTtl) {

    public AuthService {
      String scheme = baseUrl == null ? null : baseUrl.getScheme();
      if (scheme == null || !(scheme.equals("lb") || scheme.startsWith("http"))) {
        throw new IllegalArgumentException(
            "fieldops.customers.auth-service.base-url must be lb://<service> or http(s)://host:port,"
                + " was "
                + baseUrl);
      }
    }

    public boolean loadBalanced() {
      return "lb".equals(baseUrl.getScheme());
    }
  }
}
