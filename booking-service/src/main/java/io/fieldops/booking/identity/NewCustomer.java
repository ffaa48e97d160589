package io.fieldops.booking.identity;

/** What the agent told us about the person to find or create by phone. */
public record NewCustomer(
    String phone, String firstName, String lastName, String email, String gender, String country) {}
