package io.fieldops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.customer.identity.PhoneSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerEditTest {

  private static final PhoneSettings THAI = new PhoneSettings("TH", false);

  private static CustomerRequest request(String city, String fullName, String mobile) {
    return new CustomerRequest(
        null, null, city, null, null, null, null, null, null, null, null, null, null, null, null,
        fullName, mobile, null, null);
  }

  private static Customer customer(UUID userId) {
    return Customer.create(
        UUID.randomUUID(), userId, "CUS-000001", Instant.EPOCH, LocalDate.of(2026, 1, 1));
  }

  @Test
  void absentMembersStayAndAnEmptyOneClears() {
    Customer c = customer(null);
    CustomerEdit.of(
            request("Bangkok", "Jane", "0812345678"), CustomerEdit.Kind.STANDALONE_NEW, THAI)
        .applyTo(c);

    CustomerEdit.of(request("", null, null), CustomerEdit.Kind.STANDALONE, THAI).applyTo(c);

    assertThat(c.getCity()).isNull();
    assertThat(c.getFullName()).isEqualTo("Jane");
    assertThat(c.getMobile()).isEqualTo("0812345678");
    assertThat(c.getMobileKey()).isEqualTo("+66812345678");
  }

  @Test
  void identityMembersAreRefusedOnALinkedCustomerOrAProfile() {
    for (CustomerEdit.Kind kind :
        new CustomerEdit.Kind[] {CustomerEdit.Kind.PROFILE, CustomerEdit.Kind.LINKED}) {
      CustomerEdit edit = CustomerEdit.of(request(null, "Jane", "0812345678"), kind, THAI);

      assertThat(edit.problems())
          .isEqualTo(
              Map.of(
                  "full_name", CustomerEdit.IDENTITY_ELSEWHERE,
                  "mobile", CustomerEdit.IDENTITY_ELSEWHERE));
    }
  }

  @Test
  void aNewStandaloneCustomerNeedsAName() {
    assertThat(
            CustomerEdit.of(request(null, null, null), CustomerEdit.Kind.STANDALONE_NEW, THAI)
                .problems())
        .containsEntry("full_name", CustomerEdit.REQUIRED);
    assertThat(
            CustomerEdit.of(request(null, " ", null), CustomerEdit.Kind.STANDALONE, THAI)
                .problems())
        .containsEntry("full_name", CustomerEdit.BLANK);
  }

  @Test
  void nothingChangesUnlessEveryMemberIsAcceptable() {
    Customer c = customer(null);
    CustomerEdit edit =
        CustomerEdit.of(request("Bangkok", "Jane", "12345"), CustomerEdit.Kind.STANDALONE, THAI);

    assertThat(edit.problems()).containsOnlyKeys("mobile");
    assertThatThrownBy(() -> edit.applyTo(c)).isInstanceOf(IllegalStateException.class);
    assertThat(c.getCity()).isNull();
  }

  @Test
  void theMobileIsReadInTheOrganisationsRegion() {
    CustomerEdit india =
        CustomerEdit.of(
            request(null, "John", "9876543210"),
            CustomerEdit.Kind.STANDALONE_NEW,
            new PhoneSettings("IN", false));

    assertThat(india.valid()).isTrue();
    assertThat(india.mobileKey()).isEqualTo("+919876543210");
  }

  @Test
  void tenDigitsAreAMobileUnlessTheOrganisationIsStrict() {
    CustomerEdit thai =
        CustomerEdit.of(
            request(null, "John", "9876543210"), CustomerEdit.Kind.STANDALONE_NEW, THAI);
    assertThat(thai.valid()).isTrue();
    assertThat(thai.mobileKey()).isEqualTo("9876543210");

    CustomerEdit strict =
        CustomerEdit.of(
            request(null, "John", "9876543210"),
            CustomerEdit.Kind.STANDALONE_NEW,
            new PhoneSettings("TH", true));
    assertThat(strict.problems()).containsEntry("mobile", CustomerEdit.MOBILE_NOT_VALID_HERE);
    assertThat(
            CustomerEdit.of(request(null, "John", "12345"), CustomerEdit.Kind.STANDALONE_NEW, THAI)
                .problems())
        .containsEntry("mobile", CustomerEdit.MOBILE_INVALID);
  }

  @Test
  void serviceHistoryNeverMovesBackwards() {
    Customer c = customer(UUID.randomUUID());
    c.recordService(LocalDate.of(2026, 11, 18), Instant.EPOCH);
    c.recordService(LocalDate.of(2026, 11, 2), Instant.EPOCH);

    assertThat(c.getTotalServices()).isEqualTo(2);
    assertThat(c.getLastServiceDate()).isEqualTo(LocalDate.of(2026, 11, 18));
  }
}
