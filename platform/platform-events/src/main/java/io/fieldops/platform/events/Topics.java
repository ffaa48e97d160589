package io.fieldops.platform.events;

/** One topic per aggregate; the record key is the aggregate id. */
public final class Topics {

  public static final String USERS = "users";
  public static final String BOOKINGS = "bookings";
  public static final String JOBCARDS = "jobcards";
  public static final String TICKETS = "tickets";
  public static final String CUSTOMERS = "customers";

  /** Suffix of the dead-letter topic that the default error handler writes to. */
  public static final String DLT_SUFFIX = ".DLT";

  private Topics() {}

  /** {@code bookings} to {@code bookings.DLT}. */
  public static String dlt(String topic) {
    return topic + DLT_SUFFIX;
  }
}
