package io.fieldops.auth.token;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserMapper;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts a session (access + new refresh family) and continues one (rotation). */
@Service
public class Sessions {

  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final UserRepository users;
  private final MembershipRepository memberships;
  private final OrganisationRepository organisations;
  private final UserMapper mapper;

  Sessions(
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      UserRepository users,
      MembershipRepository memberships,
      OrganisationRepository organisations,
      UserMapper mapper) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.users = users;
    this.memberships = memberships;
    this.organisations = organisations;
    this.mapper = mapper;
  }

  /** A fresh session for {@code user} in the organisation of {@code membership}. */
  @Transactional
  public AuthResponse start(AppUser user, Membership membership, Organisation organisation) {
    String access = accessTokens.issue(user, membership, organisation);
    String refresh = refreshTokens.issue(user.getId(), organisation.getId());
    return new AuthResponse(
        mapper.toResponse(user, membership, organisation), new TokenPair(access, refresh));
  }

  /**
   * Exchanges a refresh token for a new pair. The access token carries the membership as it is now
   * (a changed role shows up at the next refresh); a deactivated user or a membership that no
   * longer exists ends the session.
   */
  @Transactional(noRollbackFor = ProblemException.class)
  public TokenPair refresh(String refreshToken) {
    RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
    AppUser user =
        users
            .findById(rotation.userId())
            .filter(AppUser::isActive)
            .orElseThrow(RefreshTokens::invalid);
    Membership membership =
        memberships
            .findByUserIdAndOrganisationId(rotation.userId(), rotation.organisationId())
            .filter(Membership::isActive)
            .orElseThrow(RefreshTokens::invalid);
    Organisation organisation =
        organisations.findById(rotation.organisationId()).orElseThrow(RefreshTokens::invalid);
    return new TokenPair(
        accessTokens.issue(user, membership, organisation), rotation.refreshToken());
  }

  @Transactional
  public void end(String refreshToken) {
    refreshTokens.revokeFamilyOf(refreshToken);
  }
}
