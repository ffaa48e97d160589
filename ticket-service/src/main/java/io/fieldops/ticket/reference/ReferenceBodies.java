package io.fieldops.ticket.reference;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The create (POST) and change (PATCH) bodies of each kind of reference data as the API document
 * describes them, for the document only: the endpoints read a JSON tree ({@link JsonBody}), since a
 * change must tell a member left out (keep) from one sent as {@code null} (clear). The lengths,
 * patterns and value sets here are the ones the kinds check, and every body refuses unknown
 * members. {@link ReferenceBodiesDocument} puts them on the operations.
 */
final class ReferenceBodies {

  private static final String CHANGE =
      "Members left out keep their values; null clears an optional one";
  private static final String CODE = "^[a-z0-9][a-z0-9_-]{0,49}$";
  private static final String TAX_ID = "^[0-9]{13}$";

  private ReferenceBodies() {}

  @Schema(name = "NewWorkType", additionalProperties = FALSE)
  record NewWorkType(
      @Schema(requiredMode = REQUIRED, pattern = CODE, maxLength = 50) String code,
      @Schema(requiredMode = REQUIRED, maxLength = 200) String nameTh,
      @Schema(requiredMode = REQUIRED, maxLength = 200) String nameEn) {}

  @Schema(
      name = "WorkTypeChange",
      additionalProperties = FALSE,
      description = "The code is fixed once created: sending it is refused")
  record WorkTypeChange(
      @Schema(maxLength = 200) String nameTh,
      @Schema(maxLength = 200) String nameEn,
      Boolean isActive) {}

  @Schema(
      name = "NewTicketStatus",
      additionalProperties = FALSE,
      description = "Without a sort_order the new status goes last")
  record NewTicketStatus(
      @Schema(requiredMode = REQUIRED, pattern = CODE, maxLength = 50) String code,
      @Schema(requiredMode = REQUIRED, maxLength = 200) String nameTh,
      @Schema(requiredMode = REQUIRED, maxLength = 200) String nameEn,
      @Schema(
              requiredMode = REQUIRED,
              allowableValues = {"new", "open", "pending", "resolved", "closed"})
          String category,
      @Schema(minimum = "0") Integer sortOrder) {}

  @Schema(
      name = "TicketStatusChange",
      additionalProperties = FALSE,
      description = "The code is fixed once created: sending it is refused")
  record TicketStatusChange(
      @Schema(maxLength = 200) String nameTh,
      @Schema(maxLength = 200) String nameEn,
      @Schema(allowableValues = {"new", "open", "pending", "resolved", "closed"}) String category,
      @Schema(minimum = "0") Integer sortOrder,
      Boolean isActive) {}

  @Schema(name = "NewCompany", additionalProperties = FALSE)
  record NewCompany(
      @Schema(requiredMode = REQUIRED, pattern = TAX_ID) String taxId,
      @Schema(maxLength = 300) String nameTh,
      @Schema(maxLength = 300) String nameEn,
      @Schema(maxLength = 1000) String addressDetail) {}

  @Schema(name = "CompanyChange", additionalProperties = FALSE, description = CHANGE)
  record CompanyChange(
      @Schema(pattern = TAX_ID) String taxId,
      @Schema(maxLength = 300) String nameTh,
      @Schema(maxLength = 300) String nameEn,
      @Schema(maxLength = 1000) String addressDetail,
      Boolean isActive) {}

  @Schema(name = "NewSite", additionalProperties = FALSE)
  record NewSite(
      @Schema(requiredMode = REQUIRED, maxLength = 300) String name,
      @Schema(description = "One of the organisation's companies") UUID companyId,
      @Schema(maxLength = 1000) String addressDetail,
      @Schema(minimum = "0") Integer subdistrictCode,
      @Schema(minimum = "0") Integer postalCode,
      @Schema(minimum = "0") Integer districtCode,
      @Schema(minimum = "0") Integer provinceCode,
      @Schema(maxLength = 2000) String mapUrl) {}

  @Schema(name = "SiteChange", additionalProperties = FALSE, description = CHANGE)
  record SiteChange(
      @Schema(maxLength = 300) String name,
      @Schema(description = "One of the organisation's companies") UUID companyId,
      @Schema(maxLength = 1000) String addressDetail,
      @Schema(minimum = "0") Integer subdistrictCode,
      @Schema(minimum = "0") Integer postalCode,
      @Schema(minimum = "0") Integer districtCode,
      @Schema(minimum = "0") Integer provinceCode,
      @Schema(maxLength = 2000) String mapUrl,
      Boolean isActive) {}

  @Schema(name = "NewContact", additionalProperties = FALSE)
  record NewContact(
      @Schema(requiredMode = REQUIRED, maxLength = 300) String personName,
      @Schema(description = "One of the organisation's sites") UUID siteId,
      @Schema(maxLength = 100) String nickname,
      @ArraySchema(maxItems = Contacts.MAX_ITEMS, schema = @Schema(maxLength = 32))
          List<String> phone,
      @ArraySchema(maxItems = Contacts.MAX_ITEMS, schema = @Schema(maxLength = 254))
          List<String> email,
      @Schema(maxLength = 100) String lineId,
      @Schema(maxLength = 2000) String note) {}

  @Schema(name = "ContactChange", additionalProperties = FALSE, description = CHANGE)
  record ContactChange(
      @Schema(maxLength = 300) String personName,
      @Schema(description = "One of the organisation's sites") UUID siteId,
      @Schema(maxLength = 100) String nickname,
      @ArraySchema(maxItems = Contacts.MAX_ITEMS, schema = @Schema(maxLength = 32))
          List<String> phone,
      @ArraySchema(maxItems = Contacts.MAX_ITEMS, schema = @Schema(maxLength = 254))
          List<String> email,
      @Schema(maxLength = 100) String lineId,
      @Schema(maxLength = 2000) String note,
      Boolean isActive) {}

  @Schema(name = "NewMerchandise", additionalProperties = FALSE)
  record NewMerchandise(
      @Schema(requiredMode = REQUIRED, description = "One of the organisation's sites") UUID siteId,
      @Schema(requiredMode = REQUIRED, maxLength = 300) String name,
      @Schema(maxLength = 200) String model,
      @Schema(maxLength = 200) String serialNo) {}

  @Schema(
      name = "MerchandiseChange",
      additionalProperties = FALSE,
      description = CHANGE + "; it cannot move to another site while tickets refer to it")
  record MerchandiseChange(
      @Schema(description = "One of the organisation's sites") UUID siteId,
      @Schema(maxLength = 300) String name,
      @Schema(maxLength = 200) String model,
      @Schema(maxLength = 200) String serialNo,
      Boolean isActive) {}
}
