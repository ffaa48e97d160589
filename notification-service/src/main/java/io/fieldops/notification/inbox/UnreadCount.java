package io.fieldops.notification.inbox;

public record UnreadCount(long unreadCount) {}
