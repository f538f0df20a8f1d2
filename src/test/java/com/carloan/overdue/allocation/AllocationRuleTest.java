package com.carloan.overdue.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.allocation.AllocationRule.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who of a team takes the next case (CONTRACT §4), without an engine. */
class AllocationRuleTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T02:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void theMemberWithTheFewestOpenCasesTakesIt() {
    List<Candidate> team = List.of(agent("a", 7, MONDAY), agent("b", 3, TUESDAY), agent("c", 5, null));

    assertThat(chosen(team, 500)).hasValue("b");
  }

  @Test
  void onATieTheOneAllocatedToLeastRecentlyTakesIt() {
    List<Candidate> team = List.of(agent("a", 4, TUESDAY), agent("b", 4, MONDAY), agent("c", 9, null));

    assertThat(chosen(team, 500)).hasValue("b");
  }

  @Test
  void onATieSomeoneNeverAllocatedToComesFirst() {
    List<Candidate> team = List.of(agent("a", 4, MONDAY), agent("b", 4, null), agent("c", 4, TUESDAY));

    assertThat(chosen(team, 500)).hasValue("b");
  }

  @Test
  void aFullTieIsDecidedByUserIdWhateverOrderTheDirectoryListsThem() {
    List<Candidate> team = List.of(agent("zhao", 2, MONDAY), agent("li", 2, MONDAY), agent("wang", 2, MONDAY));

    assertThat(chosen(team, 500)).hasValue("li");
    assertThat(chosen(List.of(team.get(2), team.get(1), team.get(0)), 500)).hasValue("li");
  }

  @Test
  void anUnavailableMemberIsSkippedHoweverFewCasesTheyHave() {
    List<Candidate> team = List.of(new Candidate("a", false, 0, null), agent("b", 12, TUESDAY));

    assertThat(chosen(team, 500)).hasValue("b");
  }

  @Test
  void aMemberAtCapacityIsSkippedAndOneBelowItTakesIt() {
    List<Candidate> team = List.of(agent("a", 10, null), agent("b", 9, TUESDAY));

    assertThat(chosen(team, 10)).hasValue("b");
    assertThat(chosen(List.of(agent("a", 10, null), agent("b", 11, null)), 10)).isEmpty();
  }

  @Test
  void nobodyAvailableBelowCapacityMeansThePool() {
    List<Candidate> team = List.of(new Candidate("a", false, 1, null), agent("b", 3, null));

    assertThat(chosen(team, 3)).isEmpty();
    assertThat(chosen(List.of(), 500)).isEmpty();
  }

  @Test
  void theOwnerACaseMovesAwayFromIsNeverChosenForIt() {
    List<Candidate> team = List.of(agent("a", 0, null), agent("b", 8, TUESDAY));

    assertThat(AllocationRule.choose(team, 500, Set.of("a")).map(Candidate::userId)).hasValue("b");
    assertThat(AllocationRule.choose(List.of(agent("a", 0, null)), 500, Set.of("a"))).isEmpty();
  }

  private static Candidate agent(String userId, int openCases, Instant lastAllocatedAt) {
    return new Candidate(userId, true, openCases, lastAllocatedAt);
  }

  private static Optional<String> chosen(List<Candidate> team, int capacity) {
    return AllocationRule.choose(team, capacity).map(Candidate::userId);
  }
}
