package io.fieldops.booking.rules;

/** How an ambiguous date such as 03/04/2026 is read: day first (3 April) or month first. */
public enum DateOrder {
  DMY,
  MDY
}
