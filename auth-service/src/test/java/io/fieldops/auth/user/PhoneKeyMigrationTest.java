package io.fieldops.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V4__Phone_key;
import db.migration.V4__Phone_key.StoredPhone;
import io.fieldops.platform.phone.PhoneNumbers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The key migration V4 gives the E.164 numbers stored before issue 11: the key the platform's rule
 * gives the number as it was most likely typed.
 */
class PhoneKeyMigrationTest {

  private static final Set<String> THAI = Set.of("TH");

  private static String key(String stored, Set<String> regions) {
    return V4__Phone_key.reconstructKey(stored, regions);
  }

  /** What the platform's rule keys {@code typed} by in {@code region}. */
  private static String newRule(String typed, String region) {
    return PhoneNumbers.read(typed, region, false).orElseThrow().key();
  }

  @Test
  void aNumberValidInItsCountryKeepsItsE164() {
    assertThat(key("+66812345678", THAI)).isEqualTo("+66812345678");
    // valid in India, however the user's organisation reads numbers
    assertThat(key("+919876543210", THAI)).isEqualTo("+919876543210");
    assertThat(key("+66812345678", Set.of())).isEqualTo("+66812345678");
    // which is what the new rule gives every spelling of it
    assertThat(key("+66812345678", THAI)).isEqualTo(newRule("081-234-5678", "TH"));
    assertThat(key("+66812345678", THAI)).isEqualTo(newRule("+66 81 234 5678", "TH"));
  }

  @Test
  void anAgentBookingsPlaceholderGetsTheDigitsItWasTypedWith() {
    // seed 001's "1234567890" in a Thai organisation was stored as +661234567890
    assertThat(key("+661234567890", THAI)).isEqualTo("1234567890");
    assertThat(key("+661234567890", THAI)).isEqualTo(newRule("1234567890", "TH"));
    assertThat(key("+669876543210", THAI)).isEqualTo(newRule("98765-43210", "TH"));
    // a user in several organisations: any of them may have read it nationally
    assertThat(key("+661234567890", Set.of("US", "TH"))).isEqualTo("1234567890");
    // no organisation to go by: the digits too
    assertThat(key("+661234567890", Set.of())).isEqualTo("1234567890");
  }

  @Test
  void anInvalidNumberOfAnotherCountryMustHaveBeenTypedWithAPlus() {
    // seed 002's fictional US number, registered in a Thai organisation
    assertThat(key("+15551234567", THAI)).isEqualTo("+15551234567");
    assertThat(key("+15551234567", THAI)).isEqualTo(newRule("+1 555 123 4567", "TH"));
    // the same number for a user of an American organisation may have been typed without +
    assertThat(key("+15551234567", Set.of("US"))).isEqualTo("5551234567");
    assertThat(key("+15551234567", Set.of("us"))).isEqualTo(newRule("555-123-4567", "US"));
  }

  @Test
  void anUnreadableNumberKeepsTheStoredValue() {
    // country code 999 is not assigned; the old check constraint let it through
    assertThat(key("+9991234567", THAI)).isEqualTo("+9991234567");
  }

  @Test
  void rowsThatWouldShareAKeyAreKeptApartTheOlderKeepsIt() {
    UUID thai = UUID.randomUUID();
    UUID american = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    UUID none = UUID.randomUUID();

    Map<UUID, String> keys =
        V4__Phone_key.assignKeys(
            List.of(
                new StoredPhone(thai, "+661234567890", THAI),
                new StoredPhone(other, "+66812345678", THAI),
                // +1 123 456 7890 is no valid US number: also keyed 1234567890
                new StoredPhone(american, "+11234567890", Set.of("US")),
                new StoredPhone(none, "+15551234567", THAI)));

    assertThat(keys)
        .containsExactly(
            Map.entry(thai, "1234567890"),
            Map.entry(other, "+66812345678"),
            Map.entry(american, "1234567890#" + american),
            Map.entry(none, "+15551234567"));
    assertThat(keys.values()).doesNotHaveDuplicates();
  }
}
