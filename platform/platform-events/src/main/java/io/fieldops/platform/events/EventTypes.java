package io.fieldops.platform.events;

/**
 * The {@code type} of every event envelope, per topic ({@link Topics}). Producers and consumers
 * name types through these constants, so a renamed type cannot silently leave a consumer behind.
 */
public final class EventTypes {

  private EventTypes() {}

  /** Topic {@link Topics#USERS}, published by auth-service. */
  public static final class Users {
    /** A new account, with the membership it was created in. */
    public static final String REGISTERED = "user.registered";

    /** A membership appeared, was reactivated, or its roles or level changed. */
    public static final String MEMBERSHIP_CHANGED = "membership.changed";

    /** Identity fields (names, email, phone) changed. */
    public static final String UPDATED = "user.updated";

    /** A membership was deactivated by its organisation. */
    public static final String DEACTIVATED = "user.deactivated";

    private Users() {}
  }

  /** Topic {@link Topics#BOOKINGS}, published by booking-service. */
  public static final class Bookings {
    public static final String CREATED = "booking.created";
    public static final String RESCHEDULED = "booking.rescheduled";
    public static final String CANCELLED = "booking.cancelled";
    public static final String COMPLETED = "booking.completed";
    public static final String NO_SHOW = "booking.no_show";

    private Bookings() {}
  }

  /** Topic {@link Topics#JOBCARDS}, published by jobcard-service. */
  public static final class JobCards {
    public static final String CREATED = "jobcard.created";
    public static final String COMPLETED = "jobcard.completed";

    private JobCards() {}
  }

  /** Topic {@link Topics#CUSTOMERS}, published by customer-service. */
  public static final class Customers {
    /**
     * A standalone customer's (a job card client's) {@code full_name}, {@code mobile} or {@code
     * city} changed; {@code data} carries all three as they are now and {@code changed}.
     */
    public static final String UPDATED = "customer.updated";

    private Customers() {}
  }
}
