package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tasklist opens on the filter with the lowest priority a user may read: agents land on the cases
 * they own, supervisors on approvals, legal officers on escalations.
 */
class TasklistLandingTest extends BrowserTestSupport {

  @Test
  void agentsLandOnTheirOwnCases() {
    Tasklist tasklist = Tasklist.login(browser, "agent2");

    assertThat(tasklist.selectedFilter()).isEqualTo(MY_TASKS);
    assertThat(tasklist.filterNames()).containsExactly(MY_TASKS, COLLECTION_QUEUE, FOLLOW_UP_DUE);
    browser.screenshot("agent2-lands-on-my-tasks");
  }

  @Test
  void supervisorsLandOnApprovals() {
    Tasklist tasklist = Tasklist.login(browser, "supervisor2");

    assertThat(tasklist.selectedFilter()).isEqualTo(APPROVALS);
    assertThat(tasklist.filterNames())
        .containsExactly(APPROVALS, ESCALATIONS, MY_TASKS, COLLECTION_QUEUE, FOLLOW_UP_DUE);
    browser.screenshot("supervisor2-lands-on-approvals");
  }

  @Test
  void legalOfficersLandOnEscalationsAndLegal() {
    Tasklist tasklist = Tasklist.login(browser, "legal1");

    assertThat(tasklist.selectedFilter()).isEqualTo(ESCALATIONS);
    assertThat(tasklist.filterNames()).containsExactly(ESCALATIONS, MY_TASKS, FOLLOW_UP_DUE);
    browser.screenshot("legal1-lands-on-escalations");
  }
}
