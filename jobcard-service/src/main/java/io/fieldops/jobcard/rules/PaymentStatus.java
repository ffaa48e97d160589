package io.fieldops.jobcard.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the job card's price has been paid: {@code Unpaid -> Partially Paid -> Paid}, {@code
 * Unpaid -> Paid}, more paid while {@code Partially Paid}, and {@code Refunded} from {@code Paid}
 * only.
 */
public enum PaymentStatus {
  UNPAID("Unpaid"),
  PARTIALLY_PAID("Partially Paid"),
  PAID("Paid"),
  REFUNDED("Refunded");

  private final String value;

  PaymentStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<PaymentStatus> fromValue(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values()).filter(s -> s.value.equalsIgnoreCase(wanted)).findFirst();
  }

  public boolean canMoveTo(PaymentStatus next) {
    return switch (this) {
      case UNPAID -> next == PARTIALLY_PAID || next == PAID;
      case PARTIALLY_PAID -> next == PARTIALLY_PAID || next == PAID;
      case PAID -> next == REFUNDED;
      case REFUNDED -> false;
    };
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(PaymentStatus::value).toList());
  }
}
