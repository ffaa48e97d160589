package io.fieldops.customer.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fieldops.customer.config.CustomerProperties;
import io.fieldops.platform.calls.PeerCall;
import io.fieldops.platform.calls.PeerCalls;
import io.fieldops.platform.error.ServiceUnavailableException;
import io.fieldops.platform.phone.PhoneNumbers;
import io.fieldops.platform.security.CurrentUser;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What customer-service asks auth-service, with the caller's token, never waiting longer than the
 * configured timeout. auth-service being down, slow or wrong is an ordinary answer here: identity
 * fields become null (seed 002: "User data missing in response → Auth service unavailable") and the
 * phone region falls back to {@code fieldops.customers.default-phone-region}.
 */
@Service
public class AuthService {

  /** The peer's name: its HTTP service group, Eureka id and circuit breaker. */
  public static final String PEER = "auth-service";

  /** auth-service's limit per call of {@code /organization/users/}. */
  static final int MAX_IDS_PER_CALL = 100;

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);

  private final AuthServiceApi api;
  private final PeerCall authService;
  private final PhoneSettings defaultPhoneSettings;
  private final Cache<UUID, PhoneSettings> phoneSettings;

  AuthService(AuthServiceApi api, PeerCalls peers, CustomerProperties properties) {
    this.api = api;
    this.authService = peers.to(PEER);
    this.defaultPhoneSettings =
        new PhoneSettings(properties.defaultPhoneRegion().toUpperCase(Locale.ROOT), false);
    this.phoneSettings =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(properties.regionCacheTtl())
            .build();
  }

  /** {@code fieldops.customers.default-phone-region}, not strict: when nobody can say better. */
  public PhoneSettings defaultPhoneSettings() {
    return defaultPhoneSettings;
  }

  /**
   * How the caller's organisation reads phone numbers (its region, strict or not); remembered per
   * organisation, but a fallback answer is not remembered, so the next call asks again once
   * auth-service is back.
   */
  public PhoneSettings phoneSettings(CurrentUser caller) {
    PhoneSettings cached = phoneSettings.getIfPresent(caller.orgId());
    if (cached != null) {
      return cached;
    }
    Optional<AuthServiceApi.Organization> organisation = authService.ifAvailable(api::organization);
    if (organisation.isPresent()
        && PhoneNumbers.isSupportedRegion(organisation.get().defaultPhoneRegion())) {
      PhoneSettings settings =
          new PhoneSettings(
              organisation.get().defaultPhoneRegion().toUpperCase(Locale.ROOT),
              Boolean.TRUE.equals(organisation.get().strictPhoneValidation()));
      phoneSettings.put(caller.orgId(), settings);
      return settings;
    }
    log.warn("auth-service did not give organisation {}'s phone settings", caller.orgId());
    return defaultPhoneSettings;
  }

  /**
   * Identity of the members among {@code userIds}, as auth-service shows them to the caller; users
   * it does not return (another organisation, or auth-service unavailable) are absent.
   */
  public Map<UUID, Identity> identities(Collection<UUID> userIds) {
    return members(userIds).orElseGet(Map::of);
  }

  /**
   * The users of the caller's organisation whose name, email or phone contains {@code text}, as
   * auth-service finds them (at most 100); empty when auth-service cannot answer, so a search still
   * finds what customer-service holds itself.
   */
  public Set<UUID> usersMatching(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return authService
        .ifAvailable(() -> api.search(text.strip()))
        .map(
            users ->
                users.results() == null
                    ? Set.<UUID>of()
                    : users.results().stream()
                        .filter(Objects::nonNull)
                        .map(AuthServiceApi.User::userId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toUnmodifiableSet()))
        .orElseGet(
            () -> {
              log.warn("auth-service did not search users; searching customer data only");
              return Set.of();
            });
  }

  /** The 503 to answer when auth-service could not say and the request cannot go on without it. */
  public ServiceUnavailableException unavailable() {
    return authService.unavailable();
  }

  /**
   * Like {@link #identities} but says when auth-service could not answer (empty), so that "not a
   * member" and "nobody to ask" can be told apart.
   */
  public Optional<Map<UUID, Identity>> members(Collection<UUID> userIds) {
    List<UUID> ids = userIds.stream().distinct().toList();
    Map<UUID, Identity> found = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += MAX_IDS_PER_CALL) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_CALL));
      String joined = chunk.stream().map(UUID::toString).collect(Collectors.joining(","));
      Optional<AuthServiceApi.Users> answer = authService.ifAvailable(() -> api.users(joined));
      if (answer.isEmpty()) {
        log.warn("auth-service did not give identities ({} users)", chunk.size());
        return Optional.empty();
      }
      List<AuthServiceApi.User> users =
          answer.get().results() == null ? List.of() : answer.get().results();
      for (AuthServiceApi.User user : users) {
        if (user != null && user.userId() != null && chunk.contains(user.userId())) {
          found.put(
              user.userId(),
              new Identity(
                  user.userId(),
                  user.email(),
                  user.firstName(),
                  user.lastName(),
                  user.phoneNumber()));
        }
      }
    }
    return Optional.of(found);
  }
}
