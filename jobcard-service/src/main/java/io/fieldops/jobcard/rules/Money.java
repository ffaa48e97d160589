package io.fieldops.jobcard.rules;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as the API writes them: decimal strings ({@code "500"}, {@code "499.50"}) of at least 0
 * with at most two decimals and ten whole digits (the column is {@code numeric(12,2)}); answered
 * plain, without trailing zeros ({@code "499.50"} is {@code "499.5"}, {@code "500.00"} is {@code
 * "500"}).
 */
public final class Money {

  private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

  private Money() {}

  /** Empty for anything that is not such an amount (a sign, an exponent, three decimals, text). */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String amount = text.strip();
    if (!AMOUNT.matcher(amount).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(amount));
  }

  /** {@code 499.50 -> "499.5"}, {@code 500.00 -> "500"}, {@code 0.00 -> "0"}; null stays null. */
  public static String format(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal plain = amount.stripTrailingZeros();
    return (plain.signum() == 0 ? BigDecimal.ZERO : plain).toPlainString();
  }
}
