package io.fieldops.auth.members;

import io.fieldops.auth.invitation.SentInvitation;
import java.time.Instant;

/**
 * {@code created} says whether the invitation created the account.
 *
 * <ul>
 *   <li>A new account ({@code created: true}): {@code member} is the new member, and {@code
 *       setup_token} its one-time password set-up token (for {@code POST
 *       /api/auth/password/setup}), to be passed to the person; {@code invitation} is null.
 *   <li>An existing account ({@code created: false}): only {@code invitation}, which says that an
 *       invitation was sent and to which email, as what; {@code member} and the token are null.
 *       Nothing about the account (its id, name, phone) is shown: the person decides whether this
 *       organisation gets to know them by accepting.
 * </ul>
 */
public record InviteResponse(
    boolean created,
    MemberResponse member,
    SentInvitation invitation,
    String setupToken,
    Instant setupExpiresAt) {

  @Override
  public String toString() {
    return "InviteResponse[created=" + created + ", setup token redacted]";
  }
}
