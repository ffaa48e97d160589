package io.fieldops.booking.booking;

import java.util.List;

/** One page of a list: {@code count} is the total over all pages. */
public record BookingPage(long count, int page, int size, List<BookingView> results) {}
