package io.fieldops.customer.identity;

/**
 * How an organisation reads phone numbers, as auth-service holds it: its region, and whether it
 * accepts only numbers valid there (strict) or also the user documents' ten digits.
 */
public record PhoneSettings(String region, boolean strict) {}
