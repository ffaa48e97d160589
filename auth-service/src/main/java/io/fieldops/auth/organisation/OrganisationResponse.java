package io.fieldops.auth.organisation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * The caller's organisation and the settings other services read (how phone numbers are read, date
 * order).
 */
public record OrganisationResponse(
    UUID id,
    String slug,
    String name,
    String defaultPhoneRegion,
    boolean strictPhoneValidation,
    @Schema(allowableValues = {"DMY", "MDY"}) String dateOrder) {

  public static OrganisationResponse of(Organisation organisation) {
    return new OrganisationResponse(
        organisation.getId(),
        organisation.getSlug(),
        organisation.getName(),
        organisation.getDefaultPhoneRegion(),
        organisation.isStrictPhoneValidation(),
        organisation.getDateOrder());
  }
}
