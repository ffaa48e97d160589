package io.fieldops.auth.token;

import io.fieldops.auth.user.UserResponse;

/** What register and login answer (seed 002 reads {@code tokens.access}). */
public record AuthResponse(UserResponse user, TokenPair tokens) {}
