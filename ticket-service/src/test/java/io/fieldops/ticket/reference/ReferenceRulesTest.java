package io.fieldops.ticket.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fieldops.platform.error.BadRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceRulesTest {

  @Test
  void aCodeIsPlainLowerCaseAscii() {
    assertThat(ReferenceRules.isCode("repair")).isTrue();
    assertThat(ReferenceRules.isCode("in_progress")).isTrue();
    assertThat(ReferenceRules.isCode("pm-2")).isTrue();
    assertThat(ReferenceRules.isCode("9x")).isTrue();
    assertThat(ReferenceRules.isCode("x".repeat(50))).isTrue();
    assertThat(ReferenceRules.isCode("x".repeat(51))).isFalse();
    assertThat(ReferenceRules.isCode("Repair")).isFalse();
    assertThat(ReferenceRules.isCode("_repair")).isFalse();
    assertThat(ReferenceRules.isCode("ซ่อม")).isFalse();
    assertThat(ReferenceRules.isCode("re pair")).isFalse();
    assertThat(ReferenceRules.isCode(null)).isFalse();
  }

  @Test
  void aCategoryIsOneOfTheFive() {
    assertThat(ReferenceRules.CATEGORIES).allMatch(ReferenceRules::isCategory);
    assertThat(ReferenceRules.isCategory("done")).isFalse();
    assertThat(ReferenceRules.isCategory("Open")).isFalse();
    assertThat(ReferenceRules.isCategory(null)).isFalse();
  }

  @Test
  void aTaxIdIsThirteenAsciiDigits() {
    assertThat(ReferenceRules.isTaxId("0105551234567")).isTrue();
    assertThat(ReferenceRules.isTaxId("010555123456")).isFalse();
    assertThat(ReferenceRules.isTaxId("01055512345678")).isFalse();
    assertThat(ReferenceRules.isTaxId("0-1055-51234-56-7")).isFalse();
    assertThat(ReferenceRules.isTaxId("๐๑๐๕๕๕๑๒๓๔๕๖๗")).isFalse();
    assertThat(ReferenceRules.isTaxId(null)).isFalse();
  }

  @Test
  void aPageIsFromOneAndOfOneToAHundred() {
    assertThat(new Paging(1, 100, null).check().offset()).isZero();
    assertThat(new Paging(3, 20, null).offset()).isEqualTo(40);
    assertThat(refusal(new Paging(0, 20, null))).containsKey("page");
    assertThat(refusal(new Paging(1, 0, null))).containsKey("size");
    assertThat(refusal(new Paging(1, 101, null))).containsKey("size");
    assertThat(refusal(new Paging(1, 20, "x".repeat(201)))).containsKey("search");
    assertThat(new Paging(1, 20, "   ").search()).isNull();
    assertThat(new Paging(1, 20, " ab ").search()).isEqualTo("ab");
  }

  @Test
  void aSearchFindsItsTextAndNoWildcards() {
    assertThat(new Paging(1, 20, "50%_off\\").likePattern()).isEqualTo("%50\\%\\_off\\\\%");
    assertThat(new Paging(1, 20, "ALPHA").likePattern()).isEqualTo("%alpha%");
    Paging somchai = new Paging(1, 20, "SomChai");
    assertThat(somchai.matches(null, "Mr Somchai Jaidee")).isTrue();
    assertThat(somchai.matches("Malee", null)).isFalse();
    assertThat(new Paging(1, 20, null).matches()).isTrue();
  }

  @Test
  void aSliceIsOnePageOfAListInMemory() {
    List<Integer> five = List.of(1, 2, 3, 4, 5);
    assertThat(new Paging(2, 2, null).slice(five))
        .isEqualTo(new ReferencePage<>(5, 2, 2, List.of(3, 4)));
    assertThat(new Paging(3, 2, null).slice(five).results()).containsExactly(5);
    assertThat(new Paging(4, 2, null).slice(five).results()).isEmpty();
  }

  private static Map<String, String> refusal(Paging paging) {
    try {
      paging.check();
    } catch (BadRequestException e) {
      return e.details();
    }
    return fail(
        "page %s, size %s, search %s: not refused", paging.page(), paging.size(), paging.search());
  }
}
