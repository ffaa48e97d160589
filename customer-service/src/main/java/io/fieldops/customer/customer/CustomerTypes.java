package io.fieldops.customer.customer;

/** Whether a customer is a person or a company (seed 004's {@code customer_type}). */
public final class CustomerTypes {

  public static final String DEFAULT = "individual";

  /** The regular expression bean validation checks. */
  public static final String PATTERN = "individual|business";

  private CustomerTypes() {}
}
