package io.fieldops.jobcard.rules;

/**
 * A job card's code: {@code JC-} and its number in the organisation's sequence, at least four
 * digits ({@code JC-0001}, {@code JC-0456}, {@code JC-12345}).
 */
public final class JobCardCodes {

  private JobCardCodes() {}

  public static String of(long number) {
    if (number < 1) {
      throw new IllegalArgumentException("Job card numbers start at 1: " + number);
    }
    return "JC-%04d".formatted(number);
  }
}
