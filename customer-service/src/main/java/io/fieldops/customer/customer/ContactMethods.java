package io.fieldops.customer.customer;

import java.util.List;

/** How a customer prefers to be contacted (seed 002's {@code preferred_contact_method}). */
public final class ContactMethods {

  public static final String DEFAULT = "email";
  public static final List<String> ALL = List.of("email", "phone", "sms", "whatsapp");

  /** The regular expression bean validation checks. */
  public static final String PATTERN = "email|phone|sms|whatsapp";

  private ContactMethods() {}
}
