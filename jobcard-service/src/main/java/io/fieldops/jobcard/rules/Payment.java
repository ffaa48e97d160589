package io.fieldops.jobcard.rules;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The payment rule: which status a payment may move to and what the amount paid must then be. A
 * plain calculation; the caller turns a {@link Refusal} into its error.
 *
 * <ul>
 *   <li>{@code Partially Paid}: an amount above 0, below the price when the job card has one, and
 *       not less than what was already paid.
 *   <li>{@code Paid}: the amount defaults to the price (or to what was paid when there is no
 *       price); given, it must be at least what was already paid and, with a price, equal to it.
 *   <li>{@code Refunded}: the amount paid stays on record.
 * </ul>
 */
public final class Payment {

  private Payment() {}

  /** Why a payment is refused: the member it is about and a message key. */
  public record Refusal(String field, String messageKey) {}

  /** The amount paid after the change, or the refusal. */
  public record Outcome(BigDecimal amountPaid, Refusal refusal) {
    public static Outcome of(BigDecimal amount) {
      return new Outcome(amount, null);
    }

    public static Outcome refused(String field, String key) {
      return new Outcome(null, new Refusal(field, key));
    }

    public Optional<Refusal> refused() {
      return Optional.ofNullable(refusal);
    }
  }

  /** Assumes {@code from.canMoveTo(to)} was checked (an illegal move is a conflict, not this). */
  public static Outcome apply(
      PaymentStatus to, BigDecimal price, BigDecimal alreadyPaid, BigDecimal amount) {
    BigDecimal paid = alreadyPaid == null ? BigDecimal.ZERO : alreadyPaid;
    return switch (to) {
      case PARTIALLY_PAID -> {
        if (amount == null) {
          yield Outcome.refused("amount_paid", "jobcard.payment.amount-required");
        }
        if (amount.signum() <= 0 || (price != null && amount.compareTo(price) >= 0)) {
          yield Outcome.refused("amount_paid", "jobcard.payment.partial-out-of-range");
        }
        if (amount.compareTo(paid) < 0) {
          yield Outcome.refused("amount_paid", "jobcard.payment.less-than-paid");
        }
        yield Outcome.of(amount);
      }
      case PAID -> {
        BigDecimal total = amount != null ? amount : price != null ? price : paid;
        if (total.compareTo(paid) < 0) {
          yield Outcome.refused("amount_paid", "jobcard.payment.less-than-paid");
        }
        if (price != null && total.compareTo(price) != 0) {
          yield Outcome.refused("amount_paid", "jobcard.payment.paid-must-be-price");
        }
        yield Outcome.of(total);
      }
      case REFUNDED -> Outcome.of(paid);
      case UNPAID -> Outcome.refused("payment_status", "jobcard.payment.back-to-unpaid");
    };
  }
}
