package io.fieldops.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a new password must satisfy: long enough, short enough for the hash, not one of the most
 * common passwords, and not made of the user's own name, email or phone number. Returns a message
 * key rather than throwing, so the caller can report it against the field ({@code password1}).
 *
 * <p>Deliberately no composition rules (digit, capital, symbol): they make passwords harder to
 * remember without making them much harder to guess; length plus a deny list of real, commonly used
 * passwords is what NIST SP 800-63B asks for.
 */
public final class PasswordPolicy {

  public static final String TOO_SHORT = "auth.password.too-short";
  public static final String TOO_LONG = "auth.password.too-long";
  public static final String TOO_COMMON = "auth.password.too-common";
  public static final String CONTAINS_PERSONAL_INFO = "auth.password.contains-personal-info";

  public static final int STANDARD_MIN_LENGTH = 8;

  /**
   * BCrypt only ever reads the first 72 bytes of its input: a longer password would be "accepted"
   * while everything after byte 72 is silently ignored (and Spring Security 6.4.4+ refuses to
   * encode it at all, which would surface as a 500). The limit is in UTF-8 bytes, not characters:
   * 72 Latin letters, but only 24 Thai letters (3 bytes each). We apply it even when the encoder is
   * Argon2id, so that the set of acceptable passwords does not change with the encoder chosen by
   * {@code DelegatingPasswordEncoder}. Lifting it would need a pre-hash (e.g. SHA-256 then BCrypt),
   * which changes the stored format.
   */
  public static final int MAX_BYTES = 72;

  /** Personal inputs shorter than this ("Al", "Ng") would reject far too many passwords. */
  static final int MIN_PERSONAL_INPUT_LENGTH = 4;

  /**
   * A phone number appears in a password in its national form (0812345678) at least as often as in
   * E.164 (+66812345678); the last 8 digits are common to both for every numbering plan whose
   * national number has 8 digits or more.
   */
  static final int PHONE_TAIL_DIGITS = 8;

  private static final String COMMON_PASSWORDS = "/auth/common-passwords.txt";
  private static final Set<String> COMMON = loadCommonPasswords();
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().\\-]+");
  private static final Pattern NON_DIGIT = Pattern.compile("\\D");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s._+\\-]+");

  private final int minLength;

  /**
   * @param minLength the fewest characters (Unicode code points) a password may have; at least 1
   *     and at most {@link #MAX_BYTES}, else no password could pass both limits
   */
  public PasswordPolicy(int minLength) {
    if (minLength < 1 || minLength > MAX_BYTES) {
      throw new IllegalArgumentException(
          "password minimum length must be between 1 and " + MAX_BYTES + ", was " + minLength);
    }
    this.minLength = minLength;
  }

  /** Minimum length {@value #STANDARD_MIN_LENGTH}. */
  public static PasswordPolicy standard() {
    return new PasswordPolicy(STANDARD_MIN_LENGTH);
  }

  public int minLength() {
    return minLength;
  }

  /**
   * The first rule {@code password} breaks, as a message key, or empty when it is acceptable.
   *
   * @param userInputs what the user told us about themselves: email, phone, first and last name
   *     (nulls and blanks are ignored). An email counts by its local part, a phone by its digits, a
   *     name by itself and each of its words; pieces shorter than 4 characters are ignored.
   */
  public Optional<String> check(String password, String... userInputs) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      return Optional.of(TOO_SHORT);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(TOO_LONG);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return Optional.of(TOO_COMMON);
    }
    if (userInputs != null) {
      for (String input : userInputs) {
        for (String piece : personalPieces(input)) {
          if (lower.contains(piece)) {
            return Optional.of(CONTAINS_PERSONAL_INFO);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code password} is on the common-password list, ignoring case. */
  public static boolean isCommon(String password) {
    return password != null && COMMON.contains(password.toLowerCase(Locale.ROOT));
  }

  static List<String> personalPieces(String input) {
    List<String> pieces = new ArrayList<>();
    if (input == null || input.isBlank()) {
      return pieces;
    }
    String text = input.strip().toLowerCase(Locale.ROOT);
    int at = text.lastIndexOf('@');
    if (at >= 0) {
      text = text.substring(0, at);
    } else if (PHONE_LIKE.matcher(text).matches()) {
      String digits = NON_DIGIT.matcher(text).replaceAll("");
      pieces.add(digits);
      if (digits.length() > PHONE_TAIL_DIGITS) {
        pieces.add(digits.substring(digits.length() - PHONE_TAIL_DIGITS));
      }
      return longEnough(pieces);
    }
    pieces.add(text);
    for (String word : WORD_SEPARATORS.split(text)) {
      pieces.add(word);
    }
    return longEnough(pieces);
  }

  private static List<String> longEnough(List<String> pieces) {
    return pieces.stream()
        .filter(p -> p.codePointCount(0, p.length()) >= MIN_PERSONAL_INPUT_LENGTH)
        .distinct()
        .toList();
  }

  private static Set<String> loadCommonPasswords() {
    InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
    if (in == null) {
      throw new IllegalStateException("classpath resource " + COMMON_PASSWORDS + " is missing");
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMMON_PASSWORDS, e);
    }
  }
}
