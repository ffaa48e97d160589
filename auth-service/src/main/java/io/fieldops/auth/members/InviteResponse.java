package io.fieldops.auth.members;

import java.time.Instant;

/**
 * {@code created} says whether the invitation created the account. A new account has no password:
 * {@code setup_token} is its one-time password set-up token (for {@code POST
 * /api/auth/password/setup}), to be passed to the person; null when the account already existed.
 */
public record InviteResponse(
    boolean created, MemberResponse member, String setupToken, Instant setupExpiresAt) {}
