package io.fieldops.platform.security;

/**
 * What a staff member may do, by the {@code level} claim (the ticket API's levels). One definition
 * for every service: level 0 sees and changes only what is assigned to them, level 1 works the
 * organisation's data, level 2 also deletes and manages, level 3 administers the organisation.
 */
public enum Level {
  TECHNICIAN_L1(0),
  STAFF(1),
  SUPERVISOR(2),
  ADMIN(3);

  private final int value;

  Level(int value) {
    this.value = value;
  }

  /** The number in the {@code level} claim. */
  public int value() {
    return value;
  }

  /** Whether {@code level} (a claim's number) is at least this level. */
  public boolean allows(int level) {
    return level >= value;
  }
}
