package io.fieldops.jobcard.rules;

import static io.fieldops.jobcard.rules.PaymentStatus.PAID;
import static io.fieldops.jobcard.rules.PaymentStatus.PARTIALLY_PAID;
import static io.fieldops.jobcard.rules.PaymentStatus.REFUNDED;
import static io.fieldops.jobcard.rules.PaymentStatus.UNPAID;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static final BigDecimal PRICE = new BigDecimal("500");

  @Test
  void transitionsFollowTheMoney() {
    assertThat(UNPAID.canMoveTo(PARTIALLY_PAID)).isTrue();
    assertThat(UNPAID.canMoveTo(PAID)).isTrue();
    assertThat(UNPAID.canMoveTo(REFUNDED)).isFalse();
    assertThat(PARTIALLY_PAID.canMoveTo(PARTIALLY_PAID)).isTrue();
    assertThat(PARTIALLY_PAID.canMoveTo(PAID)).isTrue();
    assertThat(PARTIALLY_PAID.canMoveTo(REFUNDED)).isFalse();
    assertThat(PAID.canMoveTo(REFUNDED)).isTrue();
    assertThat(PAID.canMoveTo(UNPAID)).isFalse();
    assertThat(REFUNDED.canMoveTo(PAID)).isFalse();
    assertThat(PaymentStatus.fromValue("partially paid")).contains(PARTIALLY_PAID);
  }

  @Test
  void aPartialPaymentIsAboveZeroBelowThePriceAndNeverLessThanBefore() {
    assertThat(paid(PARTIALLY_PAID, PRICE, "0", "200").amountPaid()).isEqualByComparingTo("200");
    assertThat(refusal(PARTIALLY_PAID, PRICE, "0", null))
        .isEqualTo("jobcard.payment.amount-required");
    assertThat(refusal(PARTIALLY_PAID, PRICE, "0", "0"))
        .isEqualTo("jobcard.payment.partial-out-of-range");
    assertThat(refusal(PARTIALLY_PAID, PRICE, "0", "500"))
        .isEqualTo("jobcard.payment.partial-out-of-range");
    assertThat(refusal(PARTIALLY_PAID, PRICE, "300", "200"))
        .isEqualTo("jobcard.payment.less-than-paid");
    assertThat(paid(PARTIALLY_PAID, null, "0", "9999").amountPaid()).isEqualByComparingTo("9999");
  }

  @Test
  void paidIsThePriceByDefaultAndNothingElseWhenThereIsOne() {
    assertThat(paid(PAID, PRICE, "200", null).amountPaid()).isEqualByComparingTo("500");
    assertThat(paid(PAID, PRICE, "0", "500.00").amountPaid()).isEqualByComparingTo("500");
    assertThat(refusal(PAID, PRICE, "0", "450")).isEqualTo("jobcard.payment.paid-must-be-price");
    assertThat(paid(PAID, null, "0", "120").amountPaid()).isEqualByComparingTo("120");
    assertThat(refusal(PAID, null, "200", "100")).isEqualTo("jobcard.payment.less-than-paid");
  }

  @Test
  void aRefundKeepsTheAmountOnRecord() {
    assertThat(paid(REFUNDED, PRICE, "500", null).amountPaid()).isEqualByComparingTo("500");
  }

  private static Payment.Outcome paid(
      PaymentStatus to, BigDecimal price, String before, String amount) {
    Payment.Outcome outcome =
        Payment.apply(
            to, price, new BigDecimal(before), amount == null ? null : new BigDecimal(amount));
    assertThat(outcome.refused()).isEmpty();
    return outcome;
  }

  private static String refusal(PaymentStatus to, BigDecimal price, String before, String amount) {
    Payment.Outcome outcome =
        Payment.apply(
            to, price, new BigDecimal(before), amount == null ? null : new BigDecimal(amount));
    assertThat(outcome.amountPaid()).isNull();
    assertThat(outcome.refused()).isPresent();
    assertThat(outcome.refused().get().field()).isEqualTo("amount_paid");
    return outcome.refused().get().messageKey();
  }
}
