package io.fieldops.platform.phone;

/**
 * A phone number read by the suite's one rule ({@link PhoneNumbers}).
 *
 * @param written as the caller wrote it, cleaned of spaces, dashes, dots and parentheses: what is
 *     stored and echoed back ({@code "081-234-5678"} is written {@code "0812345678"})
 * @param key what two spellings of one number share, and what uniqueness is on: the E.164 form
 *     where the number is valid in the organisation's region ({@code "+66812345678"}), else its
 *     digits ({@code "1234567890"})
 */
public record PhoneNumber(String written, String key) {}
