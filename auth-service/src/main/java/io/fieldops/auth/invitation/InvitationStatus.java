package io.fieldops.auth.invitation;

/**
 * Where an invitation stands. An invitation past its {@code expires_at} that nobody answered is
 * still stored as PENDING until a new invitation replaces it; every reader treats it as expired.
 */
public enum InvitationStatus {
  PENDING,
  ACCEPTED,
  DECLINED,
  EXPIRED
}
