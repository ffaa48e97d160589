package io.fieldops.auth.passwordsetup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.auth.passwordsetup.SetupLinkPolicy.Account;
import io.fieldops.auth.passwordsetup.SetupLinkPolicy.Refusal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SetupLinkPolicyTest {

  private static final UUID OURS = UUID.randomUUID();
  private static final UUID THEIRS = UUID.randomUUID();
  private static final int AGENT = 1;
  private static final int ADMIN = 3;

  /** Never claimed, created by us, a member of us alone: the one account a link is for. */
  private static final Account CLAIMABLE = new Account(false, OURS, Set.of(OURS));

  @Nested
  class Issuing {

    @Test
    void anUnclaimedAccountOfOursAloneAtOrBelowTheCallersLevelGetsALink() {
      assertThat(SetupLinkPolicy.issue(OURS, AGENT, 0, CLAIMABLE)).isEmpty();
      assertThat(SetupLinkPolicy.issue(OURS, AGENT, AGENT, CLAIMABLE)).isEmpty();
      assertThat(SetupLinkPolicy.issue(OURS, ADMIN, ADMIN, CLAIMABLE)).isEmpty();
    }

    @Test
    void anAccountAboveTheCallersLevelIsRefusedBeforeAnythingElseIsLookedAt() {
      assertThat(SetupLinkPolicy.issue(OURS, AGENT, ADMIN, CLAIMABLE))
          .contains(Refusal.LEVEL_ABOVE_CALLER);
      assertThat(SetupLinkPolicy.issue(OURS, 2, ADMIN, new Account(true, THEIRS, Set.of(THEIRS))))
          .contains(Refusal.LEVEL_ABOVE_CALLER);
    }

    @Test
    void anAccountThatHasOrHadAPasswordIsItsOwners() {
      assertThat(SetupLinkPolicy.issue(OURS, ADMIN, 0, new Account(true, OURS, Set.of(OURS))))
          .contains(Refusal.PASSWORD_SET);
    }

    @Test
    void anAccountAnotherOrganisationAlsoHasIsRefused() {
      assertThat(
              SetupLinkPolicy.issue(OURS, ADMIN, 0, new Account(false, OURS, Set.of(OURS, THEIRS))))
          .contains(Refusal.NOT_THIS_ORGANISATIONS_ALONE);
    }

    @Test
    void anAccountAnotherOrganisationCreatedIsRefusedEvenWhenOnlyWeHaveItNow() {
      assertThat(SetupLinkPolicy.issue(OURS, ADMIN, 0, new Account(false, THEIRS, Set.of(OURS))))
          .contains(Refusal.NOT_THIS_ORGANISATIONS_ALONE);
    }

    @Test
    void anAccountOfUnknownOriginIsRefused() {
      assertThat(SetupLinkPolicy.issue(OURS, ADMIN, 0, new Account(false, null, Set.of(OURS))))
          .contains(Refusal.NOT_THIS_ORGANISATIONS_ALONE);
    }
  }

  @Nested
  class UsingALink {

    @Test
    void worksWhileTheAccountIsStillOursAloneAndUnclaimed() {
      assertThat(SetupLinkPolicy.claimable(OURS, CLAIMABLE)).isTrue();
    }

    @Test
    void stopsWorkingOnceAnotherOrganisationHasTheAccount() {
      assertThat(SetupLinkPolicy.claimable(OURS, new Account(false, OURS, Set.of(OURS, THEIRS))))
          .isFalse();
    }

    @Test
    void stopsWorkingOnceTheAccountHasAPassword() {
      assertThat(SetupLinkPolicy.claimable(OURS, new Account(true, OURS, Set.of(OURS)))).isFalse();
    }

    @Test
    void neverOpensAnotherOrganisationsAccount() {
      assertThat(SetupLinkPolicy.claimable(THEIRS, CLAIMABLE)).isFalse();
    }
  }
}
