package io.fieldops.customer.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The auth-service endpoints customer-service reads, as a declarative HTTP interface. Every call
 * carries the caller's own bearer token (relayed by the platform's peer client): auth-service
 * decides what that user may see.
 */
@HttpExchange(accept = "application/json")
interface AuthServiceApi {

  /** The caller's organisation (any member's token). */
  @GetExchange("/api/auth/organization/")
  Organization organization();

  /** Members of the caller's organisation among {@code ids} (staff token; at most 100 ids). */
  @GetExchange("/api/auth/organization/users/")
  Users users(@RequestParam("ids") String ids);

  /** Members of the caller's organisation matching {@code search} (staff token; 100 at most). */
  @GetExchange("/api/auth/organization/users/")
  Users search(@RequestParam("search") String search);

  record Organization(
      UUID id,
      String slug,
      String name,
      String defaultPhoneRegion,
      Boolean strictPhoneValidation,
      String dateOrder) {}

  record Users(List<User> results) {}

  record User(
      UUID userId,
      String username,
      String email,
      String firstName,
      String lastName,
      String phoneNumber,
      Boolean isActive) {}
}
