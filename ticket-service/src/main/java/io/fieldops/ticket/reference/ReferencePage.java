package io.fieldops.ticket.reference;

import java.util.List;

/** One page of a reference list; {@code count} is the number of all matching rows. */
public record ReferencePage<T>(long count, int page, int size, List<T> results) {}
