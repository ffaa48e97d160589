package io.fieldops.auth.invitation;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipOrigin;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserResponse.OrganizationSummary;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of existing accounts. An organisation admin may not add a person who already has an
 * account (a person of another organisation, perhaps) to their organisation by typing an email:
 * that would be a membership without consent, and the answer would tell the admin who owns the
 * email. They open an invitation instead; the person sees it when logged in and accepts or
 * declines. Only an accepted invitation creates (or, for a customer the organisation had added
 * through an agent booking, upgrades) the membership, and only then is {@code membership.changed}
 * published.
 */
@Service
public class Invitations {

  static final int MAX_LISTED = 100;
  static final String ALREADY_INVITED = "auth.invitation.already-pending";
  static final String ANSWERED = "auth.invitation.answered";
  static final String EXPIRED = "auth.invitation.expired";
  static final String RETRY = "auth.invitation.retry";

  private static final Logger log = LoggerFactory.getLogger(Invitations.class);

  private final InvitationRepository invitations;
  private final MembershipRepository memberships;
  private final OrganisationRepository organisations;
  private final Outbox outbox;
  private final InvitationProperties properties;
  private final Clock clock;

  Invitations(
      InvitationRepository invitations,
      MembershipRepository memberships,
      OrganisationRepository organisations,
      Outbox outbox,
      InvitationProperties properties,
      Clock clock) {
    this.invitations = invitations;
    this.memberships = memberships;
    this.organisations = organisations;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A pending invitation of {@code userId} to {@code organisationId}; the caller has checked the
   * admin's rights and that the person is not already a member who shares their identity. A second
   * one while the first is pending answers 409 (also when two admins invite at once: the partial
   * unique index decides). Joins the caller's transaction.
   */
  @Transactional
  public SentInvitation open(
      UUID organisationId, UUID userId, String email, List<Role> roles, int level, UUID invitedBy) {
    Instant now = clock.instant();
    invitations.expireStale(organisationId, userId, now);
    Invitation invitation =
        new Invitation(
            organisationId,
            userId,
            email,
            roles,
            level,
            invitedBy,
            now,
            now.plus(properties.ttl()));
    try {
      invitations.saveAndFlush(invitation);
    } catch (DataIntegrityViolationException pending) {
      throw new ProblemException(HttpStatus.CONFLICT, "invitation-pending", ALREADY_INVITED);
    }
    log.info(
        "Invitation {} of user {} to organisation {} as {} level {} by {}",
        invitation.getId(),
        userId,
        organisationId,
        invitation.getRoles(),
        level,
        invitedBy);
    return SentInvitation.of(invitation);
  }

  /** The caller's own open (pending, unexpired) invitations, from every organisation. */
  @Transactional(readOnly = true)
  public InvitationList openFor(CurrentUser caller) {
    Instant now = clock.instant();
    List<Invitation> open = invitations.findOpen(caller.id(), now, Limit.of(MAX_LISTED));
    Map<UUID, Organisation> byId =
        organisations
            .findAllById(open.stream().map(Invitation::getOrganisationId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Organisation::getId, Function.identity()));
    return new InvitationList(
        open.stream().map(i -> view(i, byId.get(i.getOrganisationId()), now)).toList());
  }

  /**
   * The person accepts: the membership with the offered roles and level is created, or, when the
   * organisation already had them as a customer, changed to them; {@code membership.changed} is
   * published with the change.
   */
  @Transactional
  public InvitationView accept(CurrentUser caller, UUID id) {
    Instant now = clock.instant();
    Invitation invitation = ownedBy(caller, id);
    close(invitation, InvitationStatus.ACCEPTED, now);
    Membership membership =
        memberships
            .findByUserIdAndOrganisationId(invitation.getUserId(), invitation.getOrganisationId())
            .map(
                existing -> {
                  existing.acceptInvitation(invitation.roles(), invitation.getLevel());
                  return existing;
                })
            .orElseGet(
                () ->
                    Membership.granted(
                        invitation.getUserId(),
                        invitation.getOrganisationId(),
                        invitation.roles(),
                        invitation.getLevel(),
                        MembershipOrigin.INVITED,
                        now));
    try {
      memberships.saveAndFlush(membership);
    } catch (DataIntegrityViolationException concurrentlyAdded) {
      // an agent booking added the person in the same instant; the invitation stays open and a
      // second accept finds that membership and changes it
      throw new ProblemException(HttpStatus.CONFLICT, "conflict", RETRY);
    }
    outbox.publish(
        Topics.USERS,
        invitation.getUserId(),
        EventEnvelope.of(
            UserEvents.MEMBERSHIP_CHANGED,
            invitation.getOrganisationId(),
            UserEvents.MembershipChanged.of(membership)));
    log.info(
        "User {} accepted invitation {} to organisation {}",
        caller.id(),
        invitation.getId(),
        invitation.getOrganisationId());
    return view(invitation, organisationOf(invitation), now);
  }

  /** The person declines: nothing is granted, nothing is published. */
  @Transactional
  public InvitationView decline(CurrentUser caller, UUID id) {
    Instant now = clock.instant();
    Invitation invitation = ownedBy(caller, id);
    close(invitation, InvitationStatus.DECLINED, now);
    log.info("User {} declined invitation {}", caller.id(), invitation.getId());
    return view(invitation, organisationOf(invitation), now);
  }

  /** Only the invited person's: anyone else's, or a missing one, is the same 404. */
  private Invitation ownedBy(CurrentUser caller, UUID id) {
    return invitations
        .findForUpdate(id)
        .filter(i -> i.getUserId().equals(caller.id()))
        .orElseThrow(() -> NotFoundException.of("Invitation"));
  }

  /** 409 when already answered or expired, naming which. */
  private static void close(Invitation invitation, InvitationStatus answer, Instant now) {
    invitation
        .answer(answer, now)
        .ifPresent(
            current -> {
              throw current == InvitationStatus.EXPIRED
                  ? new ProblemException(HttpStatus.CONFLICT, "invitation-expired", EXPIRED)
                  : new ProblemException(HttpStatus.CONFLICT, "invitation-answered", ANSWERED);
            });
  }

  private Organisation organisationOf(Invitation invitation) {
    return organisations.findById(invitation.getOrganisationId()).orElseThrow();
  }

  private static InvitationView view(
      Invitation invitation, Organisation organisation, Instant now) {
    return new InvitationView(
        invitation.getId(),
        new OrganizationSummary(
            organisation.getId(), organisation.getSlug(), organisation.getName()),
        invitation.getRoles(),
        invitation.getLevel(),
        invitation.statusAt(now),
        invitation.getCreatedAt(),
        invitation.getExpiresAt());
  }
}
