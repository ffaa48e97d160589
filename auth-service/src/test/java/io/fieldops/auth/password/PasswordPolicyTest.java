package io.fieldops.auth.password;

import static io.fieldops.auth.password.PasswordPolicy.CONTAINS_PERSONAL_INFO;
import static io.fieldops.auth.password.PasswordPolicy.TOO_COMMON;
import static io.fieldops.auth.password.PasswordPolicy.TOO_LONG;
import static io.fieldops.auth.password.PasswordPolicy.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = PasswordPolicy.standard();

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(policy.check("correct horse battery staple")).isEmpty();
    assertThat(policy.check("Vn7#kq2!Lp")).isEmpty();
  }

  @Nested
  class MinimumLength {

    @Test
    void standardIsEight() {
      assertThat(policy.minLength()).isEqualTo(8);
      assertThat(policy.check("Zq7#kq2")).contains(TOO_SHORT);
      assertThat(policy.check("Zq7#kq2!")).isEmpty();
    }

    @Test
    void nullAndEmptyAreTooShort() {
      assertThat(policy.check(null)).contains(TOO_SHORT);
      assertThat(policy.check("")).contains(TOO_SHORT);
    }

    @Test
    void countsCharactersNotUtf16Units() {
      // 7 emoji are 14 UTF-16 units but 7 characters.
      assertThat(policy.check("🦊🐙🦉🐝🦋🐢🦀")).contains(TOO_SHORT);
      assertThat(policy.check("🦊🐙🦉🐝🦋🐢🦀🐍")).isEmpty();
    }

    @Test
    void isConfigurable() {
      var twelve = new PasswordPolicy(12);
      assertThat(twelve.check("Vn7#kq2!Lp")).contains(TOO_SHORT);
      assertThat(twelve.check("Vn7#kq2!Lpxy")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 73})
    void mustLeaveRoomForSomePassword(int minLength) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PasswordPolicy(minLength))
          .withMessageContaining("minimum length");
    }
  }

  @Nested
  class MaximumLength {

    @Test
    void seventyTwoBytesIsTheLimitOfBcrypt() {
      assertThat(policy.check("a1b2c3d4".repeat(9))).isEmpty(); // 72 bytes
      assertThat(policy.check("a1b2c3d4".repeat(9) + "x")).contains(TOO_LONG);
    }

    @Test
    void countsUtf8BytesSoThaiReachesItAtTwentyFourLetters() {
      String thai24 = "รหัสผ่านภาษาไทยยาวมากกกก";
      assertThat(thai24.codePointCount(0, thai24.length())).isEqualTo(24);
      assertThat(thai24.getBytes(StandardCharsets.UTF_8)).hasSize(72);
      assertThat(policy.check(thai24)).isEmpty();
      assertThat(policy.check(thai24 + "ก")).contains(TOO_LONG);
    }

    @Test
    void shortnessIsReportedBeforeAnythingElse() {
      assertThat(policy.check("1234567")).contains(TOO_SHORT);
    }
  }

  @Nested
  class CommonPasswords {

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "iloveyou", "qwertyuiop", "sunshine"})
    void refusesPasswordsFromTheList(String password) {
      assertThat(policy.check(password)).contains(TOO_COMMON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "Password", "IloveYou", "QWERTYuiop"})
    void ignoresCase(String password) {
      assertThat(policy.check(password)).contains(TOO_COMMON);
    }

    @Test
    void refusesSeed001sInitialPassword() {
      // Seed 001 gave agent-created users the password "password".
      assertThat(PasswordPolicy.isCommon("password")).isTrue();
    }

    @Test
    void listHasTheTenThousandEntriesAndNoComments() {
      assertThat(PasswordPolicy.isCommon("# the 10,000 most common passwords")).isFalse();
      assertThat(PasswordPolicy.isCommon("zzzzzzzz")).isTrue(); // the list's last line
      assertThat(PasswordPolicy.isCommon("*****")).isTrue(); // and its first
      assertThat(PasswordPolicy.isCommon(null)).isFalse();
    }

    @Test
    void aNearMissIsNotOnTheList() {
      assertThat(policy.check("password-for-fieldops")).isEmpty();
    }
  }

  @Nested
  class PersonalInformation {

    @Test
    void refusesTheEmailsLocalPart() {
      assertThat(policy.check("somchai.k2024", "somchai.k@example.com"))
          .contains(CONTAINS_PERSONAL_INFO);
      assertThat(policy.check("xSOMCHAI.Kx", "Somchai.K@Example.com"))
          .contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void refusesAWordOfTheEmailsLocalPart() {
      assertThat(policy.check("somchai!2024", "somchai.k@example.com"))
          .contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void theEmailsDomainIsNotPersonal() {
      assertThat(policy.check("example!2024x", "somchai.k@example.com")).isEmpty();
    }

    @Test
    void refusesANameInAnyCase() {
      assertThat(policy.check("jaidee2024!", "Somchai", "Jaidee")).contains(CONTAINS_PERSONAL_INFO);
      assertThat(policy.check("MyNameIsJAIDEE", "Jaidee")).contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void refusesAPasswordThatEqualsAName() {
      assertThat(policy.check("Wattanakul", "Wattanakul")).contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void refusesAWordOfAFullName() {
      assertThat(policy.check("xwattanakul9", "Somchai Wattanakul"))
          .contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void refusesAThaiName() {
      assertThat(policy.check("สมชาย2024!", "สมชาย")).contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void refusesThePhoneInE164OrNationalForm() {
      assertThat(policy.check("+66812345678", "+66812345678")).contains(CONTAINS_PERSONAL_INFO);
      assertThat(policy.check("0812345678", "+66812345678")).contains(CONTAINS_PERSONAL_INFO);
      assertThat(policy.check("me0812345678", "081-234-5678")).contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void ignoresInputsShorterThanFourCharacters() {
      assertThat(policy.check("bo!Vn7#kq2", "Bo", "Ng", "Li@example.com")).isEmpty();
      assertThat(policy.check("anna!Vn7#kq2", "Anna")).contains(CONTAINS_PERSONAL_INFO);
    }

    @Test
    void ignoresNullAndBlankInputs() {
      assertThat(policy.check("Vn7#kq2!Lp", null, "", "   ")).isEmpty();
      assertThat(policy.check("Vn7#kq2!Lp", (String[]) null)).isEmpty();
    }

    @Test
    void unrelatedInputsPass() {
      assertThat(policy.check("Vn7#kq2!Lp", "somchai.k@example.com", "+66812345678", "Somchai"))
          .isEmpty();
    }

    @Test
    void commonnessIsReportedBeforePersonalInformation() {
      assertThat(policy.check("password", "password@example.com")).contains(TOO_COMMON);
    }
  }

  @Test
  void personalPiecesSplitsEmailsNamesAndPhones() {
    assertThat(PasswordPolicy.personalPieces("John.Doe@example.com"))
        .containsExactly("john.doe", "john");
    assertThat(PasswordPolicy.personalPieces(" Mary Ann Smith "))
        .containsExactly("mary ann smith", "mary", "smith");
    assertThat(PasswordPolicy.personalPieces("+66 81-234-5678"))
        .containsExactly("66812345678", "12345678");
    assertThat(PasswordPolicy.personalPieces("1234")).containsExactly("1234");
    assertThat(PasswordPolicy.personalPieces("123")).isEmpty();
  }
}
