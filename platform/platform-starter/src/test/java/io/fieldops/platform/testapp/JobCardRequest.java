package io.fieldops.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Shaped like seed 000's job card request, to exercise nested field errors. */
public record JobCardRequest(
    @NotBlank String serviceName,
    @Valid @NotNull ClientData clientData,
    Priority priority,
    LocalDate bookingDate,
    LocalTime bookingTime,
    @Min(1) Integer quantity,
    Boolean urgent,
    List<@Valid Line> lines) {

  public record ClientData(
      @NotBlank String name,
      @Pattern(regexp = "\\d{10}", message = "{testapp.mobile.invalid}") String mobile) {}

  public record Line(@NotBlank String itemName) {}

  public enum Priority {
    LOW,
    NORMAL,
    URGENT
  }
}
