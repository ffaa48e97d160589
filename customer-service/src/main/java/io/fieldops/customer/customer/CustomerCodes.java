package io.fieldops.customer.customer;

/**
 * Customer codes people read out on the phone: {@code CUS-000042}. The number comes from a
 * per-organisation counter in the database, so codes are unique per organisation (also a
 * constraint) and short; a number lost to a rolled-back transaction is simply skipped.
 */
public final class CustomerCodes {

  static final String PREFIX = "CUS-";

  private CustomerCodes() {}

  public static String format(long number) {
    if (number < 1) {
      throw new IllegalArgumentException("customer numbers start at 1, was " + number);
    }
    return PREFIX + String.format("%06d", number);
  }
}
