package io.fieldops.auth.user;

/** Whether the user buys from the organisation or works for it. */
public enum MembershipKind {
  CUSTOMER,
  STAFF
}
