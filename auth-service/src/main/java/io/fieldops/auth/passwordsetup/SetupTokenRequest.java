package io.fieldops.auth.passwordsetup;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Which user of the caller's organisation the link is for. */
public record SetupTokenRequest(@NotNull UUID userId) {}
