package io.fieldops.auth.organisation;

import java.text.Normalizer;
import java.util.Locale;

/** Turns an organisation's name into its URL-safe slug ("John's Business" to "johns-business"). */
public final class Slugs {

  static final int MAX_LENGTH = 50;

  private Slugs() {}

  /** Lower-case ASCII letters, digits and single hyphens; "org" when nothing usable is left. */
  public static String of(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("'", "");
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "org" : slug;
  }
}
