package io.fieldops.auth.bootstrap;

import io.fieldops.auth.config.BootstrapProperties;
import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipOrigin;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the deployment's default organisation exists and, when configured, its first ADMIN.
 * Idempotent: a restart finds both and changes nothing (an existing admin's password is left as the
 * admin may have changed it).
 *
 * <p>What it creates is announced on {@code users} like a registration, through the outbox in the
 * same transaction: other services' read models (organisation members, customers) learn of the
 * admin the way they learn of everyone else.
 */
@Component
class DefaultOrganisationBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DefaultOrganisationBootstrap.class);

  private final BootstrapProperties properties;
  private final OrganisationRepository organisations;
  private final UserRepository users;
  private final MembershipRepository memberships;
  private final PasswordEncoder passwordEncoder;
  private final Outbox outbox;
  private final Clock clock;

  DefaultOrganisationBootstrap(
      BootstrapProperties properties,
      OrganisationRepository organisations,
      UserRepository users,
      MembershipRepository memberships,
      PasswordEncoder passwordEncoder,
      Outbox outbox,
      Clock clock) {
    this.properties = properties;
    this.organisations = organisations;
    this.users = users;
    this.memberships = memberships;
    this.passwordEncoder = passwordEncoder;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Organisation organisation =
        organisations
            .findBySlug(properties.organizationSlug())
            .orElseGet(
                () -> {
                  log.info("Creating the default organisation {}", properties.organizationSlug());
                  return organisations.save(
                      new Organisation(
                          properties.organizationSlug(),
                          properties.organizationName(),
                          properties.defaultPhoneRegion(),
                          clock.instant()));
                });
    if (!properties.hasAdmin()) {
      return;
    }
    String email = properties.adminEmail().trim().toLowerCase(Locale.ROOT);
    AppUser existing = users.findByEmail(email).orElse(null);
    AppUser admin = existing;
    if (admin == null) {
      log.info("Creating the admin of organisation {}", organisation.getSlug());
      admin =
          users.save(
              AppUser.registered(
                  email,
                  "Admin",
                  "",
                  null,
                  passwordEncoder.encode(properties.adminPassword()),
                  organisation.getId(),
                  clock.instant()));
    }
    if (memberships
        .findByUserIdAndOrganisationId(admin.getId(), organisation.getId())
        .isPresent()) {
      return;
    }
    // an account that existed already was named by the operator, who runs the deployment
    Membership membership =
        memberships.save(
            Membership.admin(
                admin.getId(),
                organisation.getId(),
                existing == null ? MembershipOrigin.CREATED : MembershipOrigin.BOOTSTRAP,
                clock.instant()));
    // As Registration for a founder: a new account's user.registered carries its membership; an
    // existing account that only gains the membership gets membership.changed, as an invited
    // existing person does.
    if (existing == null) {
      outbox.publish(
          Topics.USERS,
          admin.getId(),
          EventEnvelope.of(
              UserEvents.USER_REGISTERED,
              organisation.getId(),
              UserEvents.UserRegistered.of(admin, membership)));
    } else {
      outbox.publish(
          Topics.USERS,
          admin.getId(),
          EventEnvelope.of(
              UserEvents.MEMBERSHIP_CHANGED,
              organisation.getId(),
              UserEvents.MembershipChanged.of(membership)));
    }
  }
}
