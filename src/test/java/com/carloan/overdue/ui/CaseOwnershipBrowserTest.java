package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Case ownership as the people in Tasklist live it (CONTRACT §3, §4): an agent's "My tasks" holds their own
 * cases and nobody else's, and a supervisor who re-assigns an agent task moves the whole case to the other
 * agent, who then finds it, with the form naming them as its owner.
 */
class CaseOwnershipBrowserTest extends BrowserTestSupport {

  private static final String CALL = "致电借款人 · ";

  @Test
  void agentsSeeOnlyTheirOwnCasesAndASupervisorTransfersOneInTasklist() throws Exception {
    // Three calls in team M1; allocation picks whoever has fewer open cases, so the test settles who owns which.
    String moved = ownedBy("agent1", openCallCase());
    String kept = ownedBy("agent1", openCallCase());
    // agent2's from the start: an agent who once owned a case may still read it (CONTRACT §3)
    String colleagues = allocatedTo("agent2");

    // agent1: their two cases in My tasks, agent2's not
    Tasklist tasklist = Tasklist.login(browser, "agent1");
    assertThat(tasklist.selectedFilter()).isEqualTo(MY_TASKS);
    tasklist.awaitTask(CALL + moved).awaitTask(CALL + kept);
    assertThat(tasklist.taskNames()).contains(CALL + moved, CALL + kept).doesNotContain(CALL + colleagues);
    browser.screenshot("agent1-my-tasks-own-cases-only");
    tasklist.openTask(CALL + moved);
    assertThat(tasklist.form("callBorrower").caseContext())
        .contains(moved, "负责催收员 Case owner agent1", "催收组 Team team-m1", "账龄段 Bucket M1（逾期 1–30 天） · 当前逾期 15 天");
    browser.screenshot("agent1-opens-own-case-owner-agent1");
    // nor in the team's queue: an owned case is no longer anyone's to take
    tasklist.openFilter(COLLECTION_QUEUE);
    assertThat(tasklist.taskNames()).doesNotContain(CALL + moved, CALL + kept, CALL + colleagues);
    browser.screenshot("agent1-collection-queue");

    // agent2's case is in none of agent1's filters, and the case API refuses them (CONTRACT §3)
    tasklist.openFilter(FOLLOW_UP_DUE);
    assertThat(tasklist.taskNames()).doesNotContain(CALL + colleagues);
    assertThat(get("agent1", "/api/cases/" + colleagues).statusCode()).isEqualTo(403);
    browser.signOut();

    // supervisor1 re-assigns agent1's call to agent2 in Tasklist: OwnerAssignment transfers the case
    String movedTask = awaitTask(moved, "callBorrower").getId();
    tasklist = Tasklist.login(browser, "supervisor1");
    // No shared filter lists a case someone owns for a supervisor (the queue holds the unowned ones):
    // the supervisor opens the task from its link, as from a workload report or a colleague's message.
    tasklist.followTaskLink(movedTask).awaitOpenForm();
    assertThat(tasklist.openTaskName()).isEqualTo(CALL + moved);
    assertThat(tasklist.form("callBorrower").caseContext()).contains("负责催收员 Case owner agent1");
    browser.screenshot("supervisor1-opens-agent1s-call");
    tasklist.changeAssignee("agent2");
    browser.until(d -> "agent2".equals(awaitTask(moved, "callBorrower").getAssignee()));
    // agent2, as Tasklist names them, once it has reloaded the task
    Tasklist supervising = tasklist;
    browser.until(d -> supervising.assignee().contains("李 芳"));
    browser.screenshot("supervisor1-assigned-it-to-agent2");
    browser.signOut();

    assertThat(variable(moved, "caseOwner")).isEqualTo("agent2");
    assertThat(variable(kept, "caseOwner")).isEqualTo("agent1");
    JsonNode ownership = caseView(moved).path("ownership");
    JsonNode last = ownership.get(ownership.size() - 1);
    assertThat(last.path("kind").asText()).isEqualTo("TRANSFERRED");
    assertThat(last.path("actor").asText()).isEqualTo("supervisor1");
    assertThat(last.path("from").asText()).isEqualTo("agent1");
    assertThat(last.path("to").asText()).isEqualTo("agent2");
    assertThat(last.path("reason").asText()).isEqualTo("assigned in Tasklist");

    // agent2 finds the case in My tasks, the form naming them its owner
    tasklist = Tasklist.login(browser, "agent2");
    tasklist.awaitTask(CALL + moved).awaitTask(CALL + colleagues);
    assertThat(tasklist.taskNames()).contains(CALL + moved, CALL + colleagues).doesNotContain(CALL + kept);
    browser.screenshot("agent2-my-tasks-with-the-transferred-case");
    tasklist.openTask(CALL + moved);
    assertThat(tasklist.form("callBorrower").caseContext()).contains(moved, "负责催收员 Case owner agent2")
        .doesNotContain("agent1");
    assertThat(tasklist.canClaim()).isFalse(); // already theirs
    browser.screenshot("agent2-opens-it-owner-agent2");
    assertThat(get("agent2", "/api/cases/" + moved).statusCode()).isEqualTo(200);
    browser.signOut();

    // agent1 no longer has it
    tasklist = Tasklist.login(browser, "agent1");
    tasklist.awaitTask(CALL + kept);
    assertThat(tasklist.taskNames()).contains(CALL + kept).doesNotContain(CALL + moved, CALL + colleagues);
    browser.screenshot("agent1-my-tasks-without-the-transferred-case");
  }

  /**
   * A link to a colleague's task opens nothing: the case's team is a candidate group of its agent tasks, but an
   * owned case's tasks are the owner's alone to see (allocation.TaskGrants).
   */
  @Test
  void aColleaguesTaskDoesNotOpenFromItsLink() throws Exception {
    String colleagues = allocatedTo("agent2");
    String colleaguesTask = awaitTask(colleagues, "callBorrower").getId();

    Tasklist tasklist = Tasklist.login(browser, "agent1");
    tasklist.followTaskLink(colleaguesTask);
    boolean opened = tasklist.hasOpenTask();
    browser.screenshot("agent1-follows-a-link-to-agent2s-task");

    assertThat(opened).as("agent1 sees agent2's task").isFalse();
    assertThat(get("agent1", "/api/cases/" + colleagues).statusCode()).isEqualTo(403);
    assertThat(get("agent1", "/engine-rest/task/" + colleaguesTask).statusCode()).isEqualTo(404);
  }

  /** A case waiting at callBorrower in team M1: 15 days past due, ¥8,500.00, the WeChat-contact strategy. */
  private String openCallCase() {
    String loanId = openCase(15, "8500.00", 1, "NORMAL");
    awaitTask(loanId, "callBorrower");
    assertThat(variable(loanId, "team")).isEqualTo("team-m1");
    assertThat(variable(loanId, "bucket")).isEqualTo("M1");
    return loanId;
  }

  /**
   * A new call case that allocation gives to the agent, never anyone else's: allocation picks the teammate with
   * fewer open cases, so after at most a few cases it is the agent's turn.
   */
  private String allocatedTo(String agent) {
    for (int i = 0; i < 5; i++) {
      String loanId = openCallCase();
      if (agent.equals(variable(loanId, "caseOwner"))) {
        return loanId;
      }
    }
    throw new AssertionError("allocation gave none of five cases to " + agent);
  }

  /** Makes the agent the case's owner, by a supervisor's transfer where allocation gave it to the other one. */
  private String ownedBy(String agent, String loanId) throws IOException, InterruptedException {
    if (!agent.equals(variable(loanId, "caseOwner"))) {
      HttpResponse<String> response = send("supervisor1", HttpRequest.newBuilder(uri("/api/cases/transfer"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"loanIds\": [\"" + loanId + "\"], \"toAgent\": \"" + agent
              + "\", \"reason\": \"test setup: a known owner\"}")));
      assertThat(response.body()).contains("\"transferred\":1");
    }
    assertThat(variable(loanId, "caseOwner")).isEqualTo(agent);
    assertThat(awaitTask(loanId, "callBorrower").getAssignee()).isEqualTo(agent);
    return loanId;
  }

  private JsonNode caseView(String loanId) throws IOException, InterruptedException {
    HttpResponse<String> response = get("supervisor1", "/api/cases/" + loanId);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String userId, String path) throws IOException, InterruptedException {
    return send(userId, HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Demo users only, whose password is their id: a wrong password would throttle the user's logins. */
  private HttpResponse<String> send(String userId, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    assertThat(List.of("agent1", "agent2", "supervisor1")).contains(userId);
    return HttpClient.newHttpClient().send(request
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((userId + ":" + userId).getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
