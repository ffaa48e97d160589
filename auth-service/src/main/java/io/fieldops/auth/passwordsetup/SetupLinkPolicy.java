package io.fieldops.auth.passwordsetup;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may be given a password set-up link, and by whom. A link sets the password of a global
 * account, and a password opens every membership of that account. So a link is only for an account
 * that is this organisation's alone: created in or by it, a member of nothing else, and never
 * claimed (it never had a password). Otherwise an organisation could pull a person in (an agent
 * booking with their phone, an invitation of their email) and then, holding the link, log in to the
 * person's other organisations as them.
 *
 * <p>Pending invitations are not memberships and do not count: nothing is granted until the person,
 * logged in and so holding a password, accepts one. And a never-claimed account cannot have
 * accepted anything: every membership it has was made by an organisation, not by the person.
 */
public final class SetupLinkPolicy {

  /** Why a link is refused. */
  public enum Refusal {
    /** The account's level in the organisation is above the caller's: 403. */
    LEVEL_ABOVE_CALLER,
    /** The account has or had a password: only its owner changes it. */
    PASSWORD_SET,
    /** Another organisation created the account or has it as a member too. */
    NOT_THIS_ORGANISATIONS_ALONE
  }

  /**
   * What the rule needs to know of the account.
   *
   * @param everHadPassword has or ever had a password
   * @param createdBy the organisation it was created in or by; null when unknown
   * @param memberOf the organisations it has a membership of (active or not)
   */
  public record Account(boolean everHadPassword, UUID createdBy, Set<UUID> memberOf) {}

  private SetupLinkPolicy() {}

  /**
   * Whether a caller of {@code callerLevel} in {@code organisationId} may be given a link for an
   * account holding {@code accountLevel} there. The level comes first, so an agent learns nothing
   * more about an admin's account than that it is above them.
   */
  public static Optional<Refusal> issue(
      UUID organisationId, int callerLevel, int accountLevel, Account account) {
    if (accountLevel > callerLevel) {
      return Optional.of(Refusal.LEVEL_ABOVE_CALLER);
    }
    if (account.everHadPassword()) {
      return Optional.of(Refusal.PASSWORD_SET);
    }
    if (!belongsOnlyTo(organisationId, account)) {
      return Optional.of(Refusal.NOT_THIS_ORGANISATIONS_ALONE);
    }
    return Optional.empty();
  }

  /**
   * Whether a link issued by {@code organisationId} may still set the password when it is used:
   * between issue and use another organisation may have added the person, or the person may have
   * claimed the account another way.
   */
  public static boolean claimable(UUID organisationId, Account account) {
    return !account.everHadPassword() && belongsOnlyTo(organisationId, account);
  }

  private static boolean belongsOnlyTo(UUID organisationId, Account account) {
    return organisationId.equals(account.createdBy())
        && account.memberOf().equals(Set.of(organisationId));
  }
}
