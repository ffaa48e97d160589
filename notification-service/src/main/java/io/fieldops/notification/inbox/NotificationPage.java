package io.fieldops.notification.inbox;

import java.util.List;

/**
 * Oldest first (newest last), at most {@code limit}. {@code next_after}: pass it as {@code after}
 * to continue; {@code has_more}: whether anything newer is waiting.
 */
public record NotificationPage(
    List<NotificationResponse> results, long nextAfter, boolean hasMore) {}
