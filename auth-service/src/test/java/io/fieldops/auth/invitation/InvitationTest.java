package io.fieldops.auth.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rule an answer obeys: only a pending invitation, before it expires, can be answered. */
class InvitationTest {

  private static final Instant SENT = Instant.parse("2027-12-31T16:59:00Z");
  private static final Instant EXPIRES = SENT.plus(Duration.ofDays(7));

  private static Invitation invitation() {
    return new Invitation(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "kim@example.com",
        List.of(Role.AGENT),
        1,
        UUID.randomUUID(),
        SENT,
        EXPIRES);
  }

  @Test
  void aPendingInvitationIsAnsweredOnce() {
    Invitation invitation = invitation();

    assertThat(invitation.answer(InvitationStatus.ACCEPTED, EXPIRES.minusMillis(1))).isEmpty();
    assertThat(invitation.statusAt(EXPIRES.plusSeconds(1))).isEqualTo(InvitationStatus.ACCEPTED);
    assertThat(invitation.answer(InvitationStatus.DECLINED, EXPIRES.minusMillis(1)))
        .contains(InvitationStatus.ACCEPTED);
  }

  @Test
  void atItsExpiryItCanNoLongerBeAnswered() {
    Invitation invitation = invitation();

    assertThat(invitation.statusAt(EXPIRES.minusMillis(1))).isEqualTo(InvitationStatus.PENDING);
    assertThat(invitation.statusAt(EXPIRES)).isEqualTo(InvitationStatus.EXPIRED);
    assertThat(invitation.answer(InvitationStatus.ACCEPTED, EXPIRES))
        .contains(InvitationStatus.EXPIRED);
    assertThat(invitation.statusAt(EXPIRES.minusMillis(1))).isEqualTo(InvitationStatus.PENDING);
  }

  @Test
  void aDeclineIsFinalToo() {
    Invitation invitation = invitation();

    assertThat(invitation.answer(InvitationStatus.DECLINED, SENT)).isEmpty();
    assertThat(invitation.answer(InvitationStatus.ACCEPTED, SENT))
        .contains(InvitationStatus.DECLINED);
  }
}
