package io.fieldops.auth.settings;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/auth/organization/}: the organisation's phone settings; an absent (or null)
 * member leaves that setting as it is.
 *
 * @param defaultPhoneRegion ISO 3166 alpha-2 code (any case) numbers without {@code +} are read in
 * @param strictPhoneValidation accept only numbers valid in the region (or valid international
 *     ones); off, the user documents' ten-digit numbers are accepted too. JSON {@code true} or
 *     {@code false} only, as every boolean of a request body (platform {@code web.StrictJsonTypes})
 */
public record OrganisationSettingsRequest(
    @Size(max = 10) String defaultPhoneRegion, Boolean strictPhoneValidation) {}
