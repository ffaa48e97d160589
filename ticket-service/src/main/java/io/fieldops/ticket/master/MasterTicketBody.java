package io.fieldops.ticket.master;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * Seed 003's master ticket body as the API document describes it, for the document only. The
 * service reads the body as a JSON tree ({@link MasterRequest#read}), since on an update an absent
 * member keeps, null clears and a value sets, which a record cannot tell apart; the lengths,
 * formats and value sets here are the ones {@code MasterRequest} checks, and it refuses unknown
 * members. What a create requires is marked required; an update requires none of it.
 */
@Schema(
    name = "MasterTicketRequest",
    additionalProperties = FALSE,
    description =
        "On update (PUT) every member is optional: absent keeps it, null clears or unlinks it")
record MasterTicketBody(
    @Schema(requiredMode = REQUIRED) TicketPart ticket,
    CompanyPart company,
    SitePart site,
    ContactPart contact,
    AppointmentPart appointment,
    List<UUID> employeeIds,
    List<UUID> merchandiseIds) {

  private static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";

  @Schema(additionalProperties = FALSE)
  record TicketPart(
      @Schema(maxLength = 5000) String details,
      @Schema(requiredMode = REQUIRED) UUID workTypeId,
      @Schema(requiredMode = REQUIRED) UUID assignerId,
      @Schema(requiredMode = REQUIRED) UUID statusId,
      @Schema(maxLength = 5000) String additional) {}

  @Schema(additionalProperties = FALSE, description = "Found by tax_id, else created")
  record CompanyPart(
      @Schema(requiredMode = REQUIRED, pattern = "^[0-9]{13}$") String taxId,
      @Schema(maxLength = 300) String nameTh,
      @Schema(maxLength = 300) String nameEn,
      @Schema(maxLength = 1000) String addressDetail) {}

  @Schema(
      additionalProperties = FALSE,
      description = "An existing site by id (its other members update it), else a new one by name")
  record SitePart(
      UUID id,
      @Schema(maxLength = 300) String name,
      @Schema(maxLength = 1000) String addressDetail,
      @Schema(minimum = "0") Integer subdistrictCode,
      @Schema(minimum = "0") Integer postalCode,
      @Schema(minimum = "0") Integer districtCode,
      @Schema(minimum = "0") Integer provinceCode,
      @Schema(maxLength = 2000) String mapUrl,
      UUID companyId) {}

  @Schema(
      additionalProperties = FALSE,
      description =
          "An existing contact by id (its other members update it), else a new one by person_name")
  record ContactPart(
      UUID id,
      @Schema(maxLength = 300) String personName,
      @Schema(maxLength = 100) String nickname,
      @ArraySchema(schema = @Schema(maxLength = 32)) List<String> phone,
      @ArraySchema(schema = @Schema(maxLength = 254)) List<String> email,
      @Schema(maxLength = 100) String lineId,
      @Schema(maxLength = 2000) String note) {}

  @Schema(additionalProperties = FALSE)
  record AppointmentPart(
      @Schema(format = "date") String appointmentDate,
      @Schema(pattern = TIME, description = "HH:MM:SS") String appointmentTimeStart,
      @Schema(pattern = TIME, description = "HH:MM:SS, after the start") String appointmentTimeEnd,
      @Schema(allowableValues = {"call_to_schedule", "scheduled", "backlog"})
          String appointmentType) {}
}
