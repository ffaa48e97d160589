package io.fieldops.platform.testapp;

import jakarta.validation.constraints.Future;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/** Method validation below the web layer raises ConstraintViolationException. */
@Service
@Validated
class SlotService {

  String reserve(@Future LocalDate bookingDate) {
    return "reserved " + bookingDate;
  }
}
