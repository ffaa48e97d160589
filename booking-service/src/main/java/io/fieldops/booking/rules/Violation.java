package io.fieldops.booking.rules;

/** Why a slot cannot be booked; each is a message key with the seed's English text. */
public enum Violation {
  PAST("booking.past"),
  OFF_DAY("booking.off-day"),
  OUTSIDE_WORKING_HOURS("booking.outside-working-hours"),
  TOO_SHORT_NOTICE("booking.too-short-notice"),
  TOO_FAR_AHEAD("booking.too-far-ahead");

  private final String messageKey;

  Violation(String messageKey) {
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
