package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quiet hours 21:00–08:00 Asia/Shanghai (CONTRACT §1, conduct rules). Instants are built from explicit zones. */
class ContactPolicyTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final ContactPolicy policy = new ContactPolicy(SHANGHAI, LocalTime.of(8, 0), LocalTime.of(21, 0), 3);

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "2026-03-10T07:59,    2026-03-10T08:00",
      "2026-03-10T00:00,    2026-03-10T08:00",
      "2026-03-10T08:00,    2026-03-10T08:00",
      "2026-03-10T12:34:56, 2026-03-10T12:34:56",
      "2026-03-10T20:59,    2026-03-10T20:59",
      "2026-03-10T20:59:59, 2026-03-10T20:59:59",
      "2026-03-10T21:00,    2026-03-11T08:00",
      "2026-03-10T23:30,    2026-03-11T08:00",
      "2026-12-31T22:00,    2027-01-01T08:00",
      "2028-02-28T21:15,    2028-02-29T08:00"})
  void earliestContactMovesQuietHoursToTheNextOpening(String at, String expected) {
    ZonedDateTime slot = policy.earliestContact(shanghai(at));

    assertThat(slot.toInstant()).isEqualTo(shanghai(expected));
    assertThat(slot.getZone()).isEqualTo(SHANGHAI);
  }

  @ParameterizedTest(name = "{0} quiet = {1}")
  @CsvSource({
      "2026-03-10T07:59, true",
      "2026-03-10T08:00, false",
      "2026-03-10T20:59, false",
      "2026-03-10T21:00, true",
      "2026-03-10T23:30, true"})
  void quietTimeIsTwentyOneToEight(String at, boolean quiet) {
    assertThat(policy.isQuietTime(shanghai(at))).isEqualTo(quiet);
  }

  @Test
  void businessTimeIsShanghaiWhateverZoneTheInstantWasWrittenIn() {
    // 13:30 UTC is 21:30 in Shanghai: quiet, although it is mid-afternoon in UTC.
    Instant lateEveningInShanghai = ZonedDateTime.of(2026, 3, 10, 13, 30, 0, 0, ZoneOffset.UTC).toInstant();
    assertThat(policy.earliestContact(lateEveningInShanghai).toInstant()).isEqualTo(shanghai("2026-03-11T08:00"));

    // 23:30 UTC on the 9th is 07:30 on the 10th in Shanghai: wait half an hour, same Shanghai day.
    Instant earlyMorningInShanghai = ZonedDateTime.of(2026, 3, 9, 23, 30, 0, 0, ZoneOffset.UTC).toInstant();
    assertThat(policy.earliestContact(earlyMorningInShanghai).toInstant()).isEqualTo(shanghai("2026-03-10T08:00"));

    // 02:00 UTC is 10:00 in Shanghai (quiet hours in UTC terms would be 13:00–00:00): allowed now.
    Instant morningInShanghai = ZonedDateTime.of(2026, 3, 10, 2, 0, 0, 0, ZoneOffset.UTC).toInstant();
    assertThat(policy.earliestContact(morningInShanghai).toInstant()).isEqualTo(morningInShanghai);
    assertThat(policy.isQuietTime(morningInShanghai)).isFalse();
  }

  @Test
  void nextDayOpeningIsEightOClockOnTheFollowingShanghaiDay() {
    assertThat(policy.nextDayOpening(LocalDateTime.parse("2026-03-10T08:00").atZone(SHANGHAI)).toInstant())
        .isEqualTo(shanghai("2026-03-11T08:00"));
    assertThat(policy.nextDayOpening(LocalDateTime.parse("2026-03-10T20:59").atZone(SHANGHAI)).toInstant())
        .isEqualTo(shanghai("2026-03-11T08:00"));
    assertThat(policy.nextDayOpening(LocalDateTime.parse("2026-03-31T12:00").atZone(SHANGHAI)).toInstant())
        .isEqualTo(shanghai("2026-04-01T08:00"));
  }

  @Test
  void nextDayOpeningCountsDaysInShanghaiEvenForATimeGivenInUtc() {
    // 2026-03-10T17:00Z is already 01:00 on the 11th in Shanghai, so the next day is the 12th.
    ZonedDateTime utc = ZonedDateTime.of(2026, 3, 10, 17, 0, 0, 0, ZoneOffset.UTC);

    ZonedDateTime opening = policy.nextDayOpening(utc);

    assertThat(opening.toInstant()).isEqualTo(shanghai("2026-03-12T08:00"));
    assertThat(opening.getZone()).isEqualTo(SHANGHAI);
  }

  @Test
  void exposesItsDailyCapAndZone() {
    assertThat(policy.maxAttemptsPerDay()).isEqualTo(3);
    assertThat(policy.zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void aWindowThatDoesNotOpenBeforeItClosesIsRejected() {
    assertThatThrownBy(() -> new ContactPolicy(SHANGHAI, LocalTime.of(21, 0), LocalTime.of(8, 0), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContactPolicy(SHANGHAI, LocalTime.of(8, 0), LocalTime.of(8, 0), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDailyCapBelowOneIsRejected() {
    assertThatThrownBy(() -> new ContactPolicy(SHANGHAI, LocalTime.of(8, 0), LocalTime.of(21, 0), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ContactPolicy(SHANGHAI, LocalTime.of(8, 0), LocalTime.of(21, 0), 1).maxAttemptsPerDay()).isEqualTo(1);
  }
}
