package io.fieldops.ticket.reference;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reference value must look like, as plain rules (no Spring, unit-tested): a work type's or
 * status's code, a status's category, a company's tax id.
 */
public final class ReferenceRules {

  /**
   * Lower-case letters, digits, {@code _} and {@code -}, starting with a letter or digit: codes are
   * what integrations and reports match on, so they stay plain ASCII (the names carry the Thai).
   */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  private static final Pattern TAX_ID = Pattern.compile("[0-9]{13}");

  /** The categories a status groups under (the database's check constraint says the same). */
  public static final List<String> CATEGORIES =
      List.of("new", "open", "pending", "resolved", "closed");

  private ReferenceRules() {}

  public static boolean isCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  public static boolean isCategory(String category) {
    return category != null && CATEGORIES.contains(category);
  }

  /** Thirteen ASCII digits (a Thai tax id); no spaces or dashes. */
  public static boolean isTaxId(String taxId) {
    return taxId != null && TAX_ID.matcher(taxId).matches();
  }
}
