package com.carloan.overdue.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** 18-character resident ID numbers (GB 11643-1999): format, birth date, ISO 7064 MOD 11-2 check digit. */
class ResidentIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "11010519491231002X", // the contract's example, check digit X
      "44030419900307123X",
      "110105200002290013", // born on a leap day
      "320102198511111239"})
  void validNumbersAreAccepted(String id) {
    assertThat(ResidentIds.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "110105194912310021", // X expected
      "110105194912310020",
      "110105200002290012", // 3 expected
      "320102198511111230",
      "44030419900307123" + "9"})
  void aWrongCheckDigitIsRejected(String id) {
    assertThat(ResidentIds.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "110105194902300012", // 30 February, check digit otherwise right
      "110105190002290017", // 1900 was not a leap year
      "110105194913010010", // month 13
      "110105194912000013"}) // day 0
  void anImpossibleBirthDateIsRejected(String id) {
    assertThat(ResidentIds.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "11010519491231002x", // lowercase x
      "11010519491231002", // 17 characters
      "11010519491231002X0", // 19 characters
      "110105491231002", // the old 15-digit form
      "11010519491231002 ",
      " 11010519491231002X",
      "1101051949123100XX",
      "X10105194912310020",
      "１１０１０５１９４９１２３１００２X"}) // full-width digits
  void anythingButEighteenDigitsOrSeventeenAndAnUppercaseXIsRejected(String id) {
    assertThat(ResidentIds.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingIsRejected(String id) {
    assertThat(ResidentIds.isValid(id)).isFalse();
  }
}
