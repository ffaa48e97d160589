package io.fieldops.booking.settings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BookingSettingsRepository extends JpaRepository<BookingSettings, UUID> {}
