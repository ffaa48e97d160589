package io.fieldops.platform.events.sample;

import java.util.UUID;

public record BookingCreated(UUID bookingId, String title) {}
