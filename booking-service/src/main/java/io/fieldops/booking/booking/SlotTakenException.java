package io.fieldops.booking.booking;

import io.fieldops.platform.error.BusinessRuleException;

/** Seed 001: "This time slot is already reserved" (every seat of the slot is held). */
public class SlotTakenException extends BusinessRuleException {

  public SlotTakenException() {
    super("booking.slot-taken");
  }
}
