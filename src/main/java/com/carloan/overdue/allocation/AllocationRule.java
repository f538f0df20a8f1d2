package com.carloan.overdue.allocation;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who of a team takes the next case (CONTRACT §4): the available member with the fewest open owned cases,
 * below capacity; on a tie the one allocated to least recently (never allocated to counts as longest ago),
 * then the user id, so the choice never depends on the order the directory lists them in.
 */
final class AllocationRule {

  /** A team member as allocation sees them at this moment. */
  record Candidate(String userId, boolean available, int openCases, Instant lastAllocatedAt) {
  }

  private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::openCases)
      .thenComparing(Candidate::lastAllocatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Candidate::userId);

  private AllocationRule() {
  }

  /** @param excluded who must not get it (the owner a case is moving away from) */
  static Optional<Candidate> choose(Collection<Candidate> team, int capacity, Set<String> excluded) {
    return team.stream()
        .filter(Candidate::available)
        .filter(candidate -> candidate.openCases() < capacity)
        .filter(candidate -> !excluded.contains(candidate.userId()))
        .min(ORDER);
  }

  static Optional<Candidate> choose(List<Candidate> team, int capacity) {
    return choose(team, capacity, Set.of());
  }
}
