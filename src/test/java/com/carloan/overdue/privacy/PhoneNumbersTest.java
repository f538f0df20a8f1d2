package com.carloan.overdue.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Mainland mobile numbers, and the masked form that is the only one a process variable may carry. */
class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"13812345678", "13000000000", "15912345678", "17712345678", "19999999999"})
  void mainlandMobileNumbersAreAccepted(String phone) {
    assertThat(PhoneNumbers.isMainlandMobile(phone)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "12812345678", "12012345678", // 12x is no mobile prefix
      "10012345678", "23812345678",
      "1381234567", // 10 digits
      "138123456789", // 12 digits
      "+8613812345678", "8613812345678", "138 1234 5678", "138-1234-5678", "1381234567a", " 13812345678"})
  void otherNumbersAreRejected(String phone) {
    assertThat(PhoneNumbers.isMainlandMobile(phone)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingIsRejected(String phone) {
    assertThat(PhoneNumbers.isMainlandMobile(phone)).isFalse();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"13812345678, 138****5678", "19900001111, 199****1111", "15011112222, 150****2222"})
  void maskKeepsTheFirstThreeAndLastFourDigits(String phone, String masked) {
    assertThat(PhoneNumbers.mask(phone)).isEqualTo(masked);
  }

  @Test
  void theMaskHidesTheMiddleFourDigits() {
    assertThat(PhoneNumbers.mask("13812345678")).doesNotContain("1234").hasSize(11);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "+8613812345678"})
  void onlyAMainlandMobileNumberIsMasked(String phone) {
    assertThatThrownBy(() -> PhoneNumbers.mask(phone)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullIsNotMasked() {
    assertThatThrownBy(() -> PhoneNumbers.mask(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
