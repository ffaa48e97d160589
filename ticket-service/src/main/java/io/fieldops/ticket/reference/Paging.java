package io.fieldops.ticket.reference;

import java.util.List;
import java.util.Locale;

/**
 * A list's page ({@code page} from 1, {@code size} 1-100, as every list of the suite) and its
 * optional {@code search} text. {@link #check()} refuses a bad one with a 400 naming its parameter;
 * the lists call it once the caller may see them, so a customer gets 403 whatever the parameters.
 */
public record Paging(int page, int size, String search) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  public static final int MAX_SEARCH = 200;

  public Paging {
    search = search == null || search.isBlank() ? null : search.strip();
  }

  public Paging check() {
    if (page < 1) {
      throw ReferenceProblems.invalid("page", "reference.page-invalid");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ReferenceProblems.invalid("size", "reference.size-invalid");
    }
    if (search != null && search.length() > MAX_SEARCH) {
      throw ReferenceProblems.invalid("search", "reference.search-too-long");
    }
    return this;
  }

  public long offset() {
    return (long) (page - 1) * size;
  }

  /** The search as a {@code LIKE} pattern on lower-cased text, its wildcards escaped with \. */
  public String likePattern() {
    return "%"
        + search
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }

  /** Whether any of {@code texts} contains the search, ignoring case (for in-memory lists). */
  public boolean matches(String... texts) {
    if (search == null) {
      return true;
    }
    String wanted = search.toLowerCase(Locale.ROOT);
    for (String text : texts) {
      if (text != null && text.toLowerCase(Locale.ROOT).contains(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** This page of a list held in memory. */
  public <T> ReferencePage<T> slice(List<T> all) {
    check();
    int from = (int) Math.min(offset(), all.size());
    int to = (int) Math.min(offset() + size, all.size());
    return new ReferencePage<>(all.size(), page, size, List.copyOf(all.subList(from, to)));
  }
}
