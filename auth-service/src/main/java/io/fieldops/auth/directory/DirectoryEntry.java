package io.fieldops.auth.directory;

import java.util.UUID;

/**
 * The identity of one member, as other services show it next to their own records (a customer's
 * name beside its address). {@code is_active}: the account and the membership are both active.
 */
public record DirectoryEntry(
    UUID userId,
    String username,
    String email,
    String firstName,
    String lastName,
    String phoneNumber,
    boolean isActive) {}
