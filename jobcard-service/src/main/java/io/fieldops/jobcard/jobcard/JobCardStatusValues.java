package io.fieldops.jobcard.jobcard;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the API spells a job card's status ({@code JobCardStatus.value()}), for the API document
 * only: requests and filters are read in any case, answers carry these spellings.
 */
@Schema(
    name = "JobCardStatus",
    type = "string",
    allowableValues = {"Enquiry", "Scheduled", "In Progress", "Completed", "Cancelled"},
    description = "Read in any case")
interface JobCardStatusValues {}
