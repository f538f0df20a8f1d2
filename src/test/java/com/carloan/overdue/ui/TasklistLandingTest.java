package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tasklist opens on the filter with the lowest priority a user may read: each role lands on its
 * own work queue, the personal views follow.
 */
class TasklistLandingTest extends BrowserTestSupport {

  @Test
  void agentsLandOnTheCollectionQueue() {
    Tasklist tasklist = Tasklist.login(browser, "agent2");

    assertThat(tasklist.selectedFilter()).isEqualTo(COLLECTION_QUEUE);
    assertThat(tasklist.filterNames()).containsExactly(COLLECTION_QUEUE, MY_TASKS, FOLLOW_UP_DUE);
    browser.screenshot("agent2-lands-on-collection-queue");
  }

  @Test
  void supervisorsLandOnApprovals() {
    Tasklist tasklist = Tasklist.login(browser, "supervisor2");

    assertThat(tasklist.selectedFilter()).isEqualTo(APPROVALS);
    assertThat(tasklist.filterNames())
        .containsExactly(APPROVALS, COLLECTION_QUEUE, ESCALATIONS, MY_TASKS, FOLLOW_UP_DUE);
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
