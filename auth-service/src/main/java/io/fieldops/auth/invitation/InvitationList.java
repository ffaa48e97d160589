package io.fieldops.auth.invitation;

import java.util.List;

/** The caller's open invitations, newest first (at most {@value Invitations#MAX_LISTED}). */
public record InvitationList(List<InvitationView> results) {}
