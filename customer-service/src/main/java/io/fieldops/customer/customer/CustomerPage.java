package io.fieldops.customer.customer;

import java.util.List;

/** A page of customers: {@code count} is the total over all pages, {@code page} counts from 0. */
public record CustomerPage(long count, int page, int size, List<CustomerResponse> results) {}
