package io.fieldops.booking.identity;

import java.util.UUID;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The two internal auth-service endpoints booking-service calls for the public agent booking, as a
 * declarative HTTP interface. The client-credentials token is added by the RestClient's {@code
 * OAuth2ClientHttpRequestInterceptor} (scopes {@code organizations:read users:provision}).
 */
@HttpExchange(accept = "application/json")
interface AuthServiceApi {

  /** Absent or blank {@code organization}: the default organisation; unknown: 400. */
  @GetExchange("/api/v1/internal/organizations/resolve")
  Organization resolve(@RequestParam(name = "organization", required = false) String organization);

  /** Find-or-create by phone: 201 created, 200 found; bad phone 400, email taken 409. */
  @PostExchange(url = "/api/v1/internal/users/provision", contentType = "application/json")
  Provisioned provision(@RequestBody ProvisionRequest request);

  record ProvisionRequest(
      String phone,
      String organization,
      String firstName,
      String lastName,
      String email,
      String gender,
      String country) {}

  record Provisioned(boolean created, ProvisionedUser user) {}

  record ProvisionedUser(
      UUID id,
      String username,
      String firstName,
      String lastName,
      String email,
      String phone,
      boolean isActive) {}
}
