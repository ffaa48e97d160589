package io.fieldops.auth.members;

import java.util.List;
import java.util.UUID;

/** One member of the caller's organisation, as the admin endpoints answer it (snake_case). */
public record MemberResponse(
    UUID userId,
    String username,
    String email,
    String firstName,
    String lastName,
    String phoneNumber,
    List<String> roles,
    int level,
    String kind,
    boolean isActive) {}
