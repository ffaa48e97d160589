package io.fieldops.auth.provisioning;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProvisioningController {

  private final Provisioning provisioning;

  ProvisioningController(Provisioning provisioning) {
    this.provisioning = provisioning;
  }

  /** Find-or-create by phone: 201 when the user was created, 200 when found. */
  @PostMapping("/api/v1/internal/users/provision")
  ResponseEntity<ProvisionResponse> provision(@Valid @RequestBody ProvisionRequest request) {
    ProvisionResponse response = provisioning.provision(request);
    return ResponseEntity.status(response.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(response);
  }
}
