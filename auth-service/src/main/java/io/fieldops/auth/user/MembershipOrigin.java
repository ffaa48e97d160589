package io.fieldops.auth.user;

/**
 * How a membership came to be, which decides what its organisation may see of the person (column
 * {@code membership.origin}, migration V6).
 */
public enum MembershipOrigin {
  /**
   * The account was created together with this membership: the person registered (or founded the
   * organisation), or the organisation created the account (its agent booking of a new phone, its
   * invitation of a new email), or the deployment's bootstrap created its admin.
   */
  CREATED,
  /** The person, logged in, accepted the organisation's invitation. */
  INVITED,
  /** The deployment's operator named an existing account the default organisation's admin. */
  BOOTSTRAP,
  /**
   * The organisation added an existing account without the person's consent (its agent booking
   * found the phone). It sees only what it told us itself, never the account's identity.
   */
  ADDED;

  /** Whether the organisation of such a membership may see the account's own identity. */
  public boolean sharesIdentity() {
    return this != ADDED;
  }
}
