package io.fieldops.customer.customer;

import io.fieldops.platform.web.ETags;
import org.springframework.http.ResponseEntity;

/** A customer answer with its version as the ETag (optimistic locking, platform {@link ETags}). */
final class CustomerResponses {

  private CustomerResponses() {}

  static ResponseEntity<CustomerResponse> ok(Versioned versioned) {
    return ResponseEntity.ok().eTag(ETags.tag(versioned.version())).body(versioned.customer());
  }

  /** 201 for a customer this request created, 200 for one that already existed. */
  static ResponseEntity<CustomerResponse> createdOrExisting(Versioned versioned) {
    return ResponseEntity.status(versioned.created() ? 201 : 200)
        .eTag(ETags.tag(versioned.version()))
        .body(versioned.customer());
  }
}
