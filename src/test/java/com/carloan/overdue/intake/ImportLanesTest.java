package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the import spreads teams over its lanes: a team in one lane only, the lanes' rows as even as teams allow. */
class ImportLanesTest {

  @Test
  void eachTeamGoesToOneLaneTheLargestFirstToTheLightestLane() {
    Map<String, Integer> lanes = CaseImport.lanes(Map.of("team-m1", 600, "team-m2", 300, "team-m3", 250), 2);

    assertThat(lanes).containsEntry("team-m1", 0).containsEntry("team-m2", 1).containsEntry("team-m3", 1);
  }

  @Test
  void oneTeamTakesOneLaneAndMoreLanesThanTeamsStayIdle() {
    assertThat(CaseImport.lanes(Map.of("team-m1", 1000), 2)).containsExactlyEntriesOf(Map.of("team-m1", 0));
    assertThat(CaseImport.lanes(Map.of("a", 5, "b", 5, "c", 5), 4).values()).doesNotHaveDuplicates();
  }
}
