package io.fieldops.auth.config;

import io.fieldops.platform.phone.PhoneNumbers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What exists on first start ({@code fieldops.bootstrap.*}): the deployment's default organisation
 * (used by register and login when the caller names none) and, when both admin properties are set,
 * its first ADMIN.
 *
 * @param defaultPhoneRegion TH: the seeds' examples are Thai businesses (Thai messages, Bangkok
 *     working hours); numbers written with a leading + are read the same in every region. New
 *     organisations get it too, with strict phone validation off (their admin can change both).
 */
@Validated
@ConfigurationProperties("fieldops.bootstrap")
public record BootstrapProperties(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*") @DefaultValue("demo") String organizationSlug,
    @NotBlank @DefaultValue("Demo") String organizationName,
    @NotBlank @Pattern(regexp = "[A-Z]{2}") @DefaultValue("TH") String defaultPhoneRegion,
    String adminEmail,
    String adminPassword) {

  public BootstrapProperties {
    if (defaultPhoneRegion != null
        && defaultPhoneRegion.matches("[A-Z]{2}")
        && !PhoneNumbers.isSupportedRegion(defaultPhoneRegion)) {
      throw new IllegalArgumentException(
          "fieldops.bootstrap.default-phone-region: unknown phone region '"
              + defaultPhoneRegion
              + "' (expected an ISO 3166 alpha-2 code such as TH)");
    }
  }

  public boolean hasAdmin() {
    return adminEmail != null
        && !adminEmail.isBlank()
        && adminPassword != null
        && !adminPassword.isBlank();
  }
}
