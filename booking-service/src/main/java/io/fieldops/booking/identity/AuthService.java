package io.fieldops.booking.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fieldops.booking.config.BookingProperties;
import io.fieldops.platform.calls.PeerCall;
import io.fieldops.platform.calls.PeerCalls;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What booking-service asks auth-service for a public agent booking: which organisation the request
 * names, and the user behind a phone number (found or created). Both calls are idempotent, so a
 * failed try is retried within the time limit. auth-service down, slow or answering 5xx is a 503
 * problem for the agent; auth-service refusing the input (unknown organisation, impossible phone,
 * email taken) reaches the agent as the same 400/409 with its {@code details} (a {@code
 * PeerRefusal}).
 */
@Service
public class AuthService {

  /** The peer's name: its HTTP service group, Eureka id and circuit breaker. */
  public static final String PEER = "auth-service";

  private final AuthServiceApi api;
  private final PeerCall authService;
  private final Cache<String, Organization> organizations;
  private volatile UUID defaultOrganisationId;

  AuthService(AuthServiceApi api, PeerCalls peers, BookingProperties properties) {
    this.api = api;
    this.authService = peers.to(PEER);
    this.organizations =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(properties.organizationCacheTtl())
            .build();
  }

  /** The organisation named by id or slug, or the default one for null/blank. */
  public Organization organization(String idOrSlug) {
    String key = idOrSlug == null ? "" : idOrSlug.strip().toLowerCase(Locale.ROOT);
    Organization cached = organizations.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Organization found =
        authService.idempotent(() -> api.resolve(key.isEmpty() ? null : idOrSlug.strip()));
    organizations.put(key, found);
    organizations.put(found.id().toString(), found);
    return found;
  }

  /**
   * The default organisation's id, asked for once: it is fixed for the life of the suite, and an
   * organisation without booking settings asks for it on every availability or booking request
   * (SettingsStore). With the one-minute cache of {@link #organization} those requests went to
   * auth-service each minute and answered 503 whenever auth-service was slow.
   */
  public UUID defaultOrganisationId() {
    UUID known = defaultOrganisationId;
    if (known == null) {
      known = organization(null).id();
      defaultOrganisationId = known;
    }
    return known;
  }

  /** The user with this phone in {@code organization}, created (without password) if new. */
  public Customer findOrCreate(Organization organization, NewCustomer customer) {
    AuthServiceApi.Provisioned answer =
        authService.idempotent(
            () ->
                api.provision(
                    new AuthServiceApi.ProvisionRequest(
                        customer.phone(),
                        organization.id().toString(),
                        customer.firstName(),
                        customer.lastName(),
                        customer.email(),
                        customer.gender(),
                        customer.country())));
    AuthServiceApi.ProvisionedUser user = answer.user();
    return new Customer(
        user.id(),
        user.username(),
        user.firstName(),
        user.lastName(),
        user.email(),
        user.phone(),
        user.isActive(),
        answer.created());
  }
}
