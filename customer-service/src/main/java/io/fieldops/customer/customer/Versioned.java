package io.fieldops.customer.customer;

/** A customer and the version its ETag carries; {@code created} for get-or-create answers. */
public record Versioned(CustomerResponse customer, long version, boolean created) {}
