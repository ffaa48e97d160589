package io.fieldops.auth.organisation;

import io.fieldops.auth.config.BootstrapProperties;
import io.fieldops.platform.error.BadRequestException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;

/** Finds the organisation a public request names (id or slug), or creates a new one. */
@Service
public class Organisations {

  private final OrganisationRepository repository;
  private final String defaultSlug;
  private final String defaultPhoneRegion;
  private final Clock clock;

  public Organisations(
      OrganisationRepository repository, BootstrapProperties bootstrap, Clock clock) {
    this.repository = repository;
    this.defaultSlug = bootstrap.organizationSlug();
    this.defaultPhoneRegion = bootstrap.defaultPhoneRegion();
    this.clock = clock;
  }

  /**
   * The organisation named by {@code reference} (a UUID or a slug), or the deployment's default
   * when it is blank. An unknown one is a 400 naming {@code organization}: the caller typed it.
   */
  public Organisation resolve(String reference) {
    if (reference == null || reference.isBlank()) {
      return repository
          .findBySlug(defaultSlug)
          .orElseThrow(() -> new IllegalStateException("default organisation missing"));
    }
    return find(reference.trim())
        .orElseThrow(
            () ->
                new BadRequestException(
                    "fieldops.problem.validation-failed",
                    Map.of("organization", "auth.organization.not-found")));
  }

  public Optional<Organisation> find(String reference) {
    return parseUuid(reference)
        .flatMap(repository::findById)
        .or(() -> repository.findBySlug(reference.toLowerCase(Locale.ROOT)));
  }

  /**
   * How an organisation founded now will read phone numbers (the deployment's default region, not
   * strict): what a founder's own phone is read by, before the organisation exists.
   */
  public PhoneRule newOrganisationPhoneRule() {
    return new PhoneRule(defaultPhoneRegion, false);
  }

  /** A new organisation named {@code name}; its slug gets a random suffix if already taken. */
  public Organisation create(String name) {
    String slug = Slugs.of(name);
    if (repository.existsBySlug(slug)) {
      slug = slug + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6);
    }
    return repository.save(
        new Organisation(slug, name.trim(), defaultPhoneRegion, clock.instant()));
  }

  private static Optional<UUID> parseUuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
