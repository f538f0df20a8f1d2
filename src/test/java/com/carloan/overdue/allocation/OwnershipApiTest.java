package com.carloan.overdue.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ownership calls of CONTRACT §4 over HTTP, every answer they give: transfer (to an agent, to a team),
 * recall, hold and availability, each for many loans with per-loan refusals; the agent's and the team's views;
 * 400 with every broken rule at once and nothing changed, 401, 403 and 404.
 */
class OwnershipApiTest extends ApiTestSupport {

  private static final String JSON = "application/json";

  @AfterEach
  void everyDemoAgentAvailableAgain() {
    for (String agent : List.of("agent1", "agent2", "agent3")) {
      put("supervisor1", "/api/agents/" + agent + "/availability", "{\"available\": true}");
    }
  }

  // ---- transfer

  @Test
  void aBulkTransferMovesWhatCanMoveAndRefusesEachOtherLoanWithItsReason() {
    String mine = ownedBy("agent1");
    String theirs = ownedBy("agent2");
    String closed = closedLoan();
    String unknown = "L-NO-SUCH-" + System.nanoTime();

    HttpResponse<String> response = transfer("supervisor1", List.of(mine, theirs, closed, unknown), "\"toAgent\": \"agent2\"",
        "借款人要求更换催收员");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = body(response);
    assertThat(answer.get("transferred").asInt()).isEqualTo(1);
    assertThat(refusals(answer)).containsOnly(
        Map.entry(theirs, "already owned by agent2"),
        Map.entry(closed, "the case is closed"),
        Map.entry(unknown, "no case for this loan"));
    assertThat(ownerOf(mine)).isEqualTo("agent2");
    assertThat(callOf(mine).getAssignee()).as("the open call moves with the case").isEqualTo("agent2");
    JsonNode last = lastChange(mine);
    assertThat(last.get("kind").asText()).isEqualTo("TRANSFERRED");
    assertThat(last.get("actor").asText()).isEqualTo("supervisor1");
    assertThat(last.get("from").asText()).isEqualTo("agent1");
    assertThat(last.get("to").asText()).isEqualTo("agent2");
    assertThat(last.get("reason").asText()).isEqualTo("借款人要求更换催收员");
    assertThat(ownerOf(theirs)).isEqualTo("agent2");
  }

  @Test
  void aTransferToAnAgentOutsideTheCasesTeamOrUnavailableIsRefusedForThatLoan() {
    String loan = ownedBy("agent1");
    List<String> before = kinds(loan);
    put("supervisor1", "/api/agents/agent2/availability", "{\"available\": false, \"reason\": \"LEAVE\"}");

    JsonNode otherTeam = body(transfer("manager1", List.of(loan), "\"toAgent\": \"agent3\"", "换人"));
    JsonNode away = body(transfer("manager1", List.of(loan), "\"toAgent\": \"agent2\"", "换人"));

    assertThat(otherTeam.get("transferred").asInt()).isZero();
    assertThat(refusals(otherTeam)).containsEntry(loan, "agent3 is not an agent of team-m1, the case's team");
    assertThat(away.get("transferred").asInt()).isZero();
    assertThat(refusals(away)).containsEntry(loan, "agent2 is unavailable (LEAVE)");
    assertThat(ownerOf(loan)).isEqualTo("agent1");
    assertThat(kinds(loan)).isEqualTo(before);
  }

  @Test
  void aTransferToATeamMovesTheCaseAndItsTasksToThatTeam() {
    String loan = ownedBy("agent1");

    JsonNode answer = body(transfer("supervisor2", List.of(loan), "\"toTeam\": \"team-m2\"", "区域调整"));
    JsonNode again = body(transfer("supervisor2", List.of(loan), "\"toTeam\": \"team-m2\"", "区域调整"));

    assertThat(answer.get("transferred").asInt()).isEqualTo(1);
    JsonNode view = body(api.get("supervisor1", "/api/cases/" + loan));
    assertThat(view.get("team").asText()).isEqualTo("team-m2");
    assertThat(view.get("caseOwner").asText()).as("agent3 is team M2's one agent").isEqualTo("agent3");
    assertThat(candidateGroups(callOf(loan))).containsExactlyInAnyOrder("team-m2", "collection-supervisor");
    assertThat(callOf(loan).getAssignee()).isEqualTo("agent3");
    assertThat(again.get("transferred").asInt()).isZero();
    assertThat(refusals(again)).containsEntry(loan, "already in team-m2");
  }

  @Test
  void aTransferBreakingTheRulesIsA400NamingEveryRuleAndChangesNothing() {
    String loan = ownedBy("agent1");
    List<String> before = kinds(loan);
    String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"L-" + i + "\"").collect(Collectors.joining(","));

    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": [\"" + loan + "\"], "
        + "\"toAgent\": \"agent2\", \"toTeam\": \"team-m1\"}"), 400, "toAgent", "reason");
    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": [], \"reason\": \" \"}"), 400,
        "loanIds", "toAgent", "reason");
    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"toAgent\": \"supervisor1\", "
        + "\"reason\": \"" + "很".repeat(501) + "\"}"), 400, "loanIds", "toAgent", "reason");
    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": [" + tooMany + "], "
        + "\"toTeam\": \"collection-agent\", \"reason\": \"r\"}"), 400, "loanIds", "toTeam");
    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": [\"" + loan + "\"], "
        + "\"toTeam\": \"team-nowhere\", \"reason\": \"r\"}"), 400, "toTeam");
    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": \"" + loan + "\", "
        + "\"toAgent\": \"agent2\", \"reason\": \"r\"}"), 400, "loanIds");
    assertProblem(api.postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": [\"" + loan), 400);
    assertProblem(api.post("supervisor1", "/api/cases/transfer", "text/plain", "loanIds".getBytes()), 415);

    assertThat(ownerOf(loan)).isEqualTo("agent1");
    assertThat(kinds(loan)).isEqualTo(before);
  }

  /**
   * The owner submits the call in Tasklist while a supervisor transfers the case. Whichever commits first, the
   * transfer lands (a move that meets the engine's optimistic lock is tried again) and so does the call: a
   * completion the engine refused only because the transfer changed its task is run again
   * (workqueue.CompletionRetry). Rounds repeat the race so both orders happen, half of them submitting the form
   * as Tasklist does (the webapps' engine API, with agent1's session), half through {@code /engine-rest}.
   */
  @Test
  void aTransferRacingTheOwnersCompletionLosesNeither() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Browser tasklist = tasklistLogin("agent1");
    try {
      for (int round = 0; round < 8; round++) {
        boolean inTasklist = round % 2 == 0;
        String loan = ownedBy("agent1");
        Task call = callOf(loan);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<String> completion = threads.submit(() -> {
          String variables = "{\"variables\": {\"contactResult\": {\"value\": \"AGREED_TO_ADD\"}, "
              + "\"callNotes\": {\"value\": \"同意添加\"}}}";
          together.await(10, TimeUnit.SECONDS);
          if (inTasklist) {
            HttpResponse<byte[]> submitted = tasklist.postJson("/camunda/api/engine/engine/default/task/" + call.getId()
                + "/submit-form", variables);
            return submitted.statusCode() + " " + new String(submitted.body(), java.nio.charset.StandardCharsets.UTF_8);
          }
          HttpResponse<String> completed = api.postJson("agent1", "/engine-rest/task/" + call.getId() + "/complete",
              variables);
          return completed.statusCode() + " " + completed.body();
        });
        Future<HttpResponse<String>> transfer = threads.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return transfer("supervisor1", List.of(loan), "\"toAgent\": \"agent2\"", "race");
        });

        String completed = completion.get(60, TimeUnit.SECONDS);
        HttpResponse<String> moved = transfer.get(60, TimeUnit.SECONDS);

        assertThat(completed).as("round %d (%s)", round, inTasklist ? "Tasklist" : "engine REST").startsWith("204");
        assertThat(moved.statusCode()).as("round %d: %s", round, moved.body()).isEqualTo(200);
        assertThat(body(moved).get("transferred").asInt()).as("round %d: %s", round, moved.body()).isEqualTo(1);
        assertThat(ownerOf(loan)).isEqualTo("agent2");
        assertThat(history.createHistoricTaskInstanceQuery().taskId(call.getId()).singleResult().getEndTime())
            .as("round %d: the call is completed", round).isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(call.getProcessInstanceId())
            .variableName("contactResult").singleResult().getValue()).isEqualTo("AGREED_TO_ADD");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(loan).taskAssignee("agent1").count())
            .as("round %d: nothing of the case stays with the former owner", round).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Who may open an agent task follows its case (CONTRACT §3, §4; allocation.TaskGrants): its owner and those
   * who owned it, not the rest of the team; every agent of the team while the case waits in the pool;
   * supervisors always (by their rights on every task, not by a grant per owned task). The candidate groups stay
   * the team and collection-supervisor throughout.
   */
  @Test
  void onlyTheOwnerOpensAnOwnedCasesTaskAndTheWholeTeamAPooledOne() {
    String loan = openedBy("agent1");
    String call = callOf(loan).getId();
    assertThat(openers(call)).as("not agent2, of the same team").containsExactly("agent1", "supervisor1");
    assertThat(grantees(call)).containsExactly("agent1");

    api.postJson("supervisor1", "/api/cases/recall", "{\"loanIds\": [\"" + loan + "\"], \"reason\": \"质检复核\"}");
    assertThat(openers(call)).as("the team's pool").containsExactly("agent1", "agent2", "supervisor1");
    assertThat(grantees(call)).containsExactlyInAnyOrder("agent1", "group:team-m1", "group:collection-supervisor");
    assertThat(candidateGroups(callOf(loan))).containsExactlyInAnyOrder("team-m1", "collection-supervisor");

    assertThat(api.postJson("agent2", "/engine-rest/task/" + call + "/claim", "{\"userId\": \"agent2\"}")
        .statusCode()).isEqualTo(204);
    assertThat(ownerOf(loan)).as("taken from the pool").isEqualTo("agent2");
    assertThat(openers(call)).as("agent1 owned it").containsExactly("agent1", "agent2", "supervisor1");
    assertThat(grantees(call)).containsExactlyInAnyOrder("agent1", "agent2");

    transfer("supervisor1", List.of(loan), "\"toTeam\": \"team-m2\"", "区域调整");
    assertThat(openers(call)).containsExactly("agent1", "agent2", "agent3", "supervisor1");
    assertThat(grantees(call)).containsExactlyInAnyOrder("agent1", "agent2", "agent3");
    String other = openedBy("agent2");
    assertThat(openers(callOf(other).getId())).as("a case agent1 never owned").containsExactly("agent2", "supervisor1");
  }

  // ---- recall

  @Test
  void aRecalledCaseWaitsUnownedInThePoolUntilASupervisorTransfersIt() {
    String loan = ownedBy("agent1");
    String unknown = "L-NO-SUCH-" + System.nanoTime();

    JsonNode answer = body(api.postJson("supervisor1", "/api/cases/recall",
        "{\"loanIds\": [\"" + loan + "\", \"" + unknown + "\"], \"reason\": \"质检复核\"}"));
    JsonNode again = body(api.postJson("supervisor1", "/api/cases/recall",
        "{\"loanIds\": [\"" + loan + "\"], \"reason\": \"质检复核\"}"));

    assertThat(answer.get("recalled").asInt()).isEqualTo(1);
    assertThat(refusals(answer)).containsOnly(Map.entry(unknown, "no case for this loan"));
    assertThat(ownerOf(loan)).isNull();
    assertThat(callOf(loan).getAssignee()).isNull();
    JsonNode view = body(api.get("supervisor1", "/api/cases/" + loan));
    assertThat(view.get("pooled").asText()).as("why it waits in the pool").isEqualTo("RECALLED");
    assertThat(lastChange(loan).get("kind").asText()).isEqualTo("RECALLED");
    assertThat(lastChange(loan).get("from").asText()).isEqualTo("agent1");
    assertThat(again.get("recalled").asInt()).isZero();
    assertThat(refusals(again)).containsEntry(loan, "not owned: already in the pool of team-m1");
    // the application's own allocation serves new cases and reallocations, not recalled ones
    openCase(newLoanId());
    assertThat(ownerOf(loan)).isNull();

    assertThat(body(transfer("supervisor1", List.of(loan), "\"toAgent\": \"agent2\"", "复核完毕")).get("transferred")
        .asInt()).isEqualTo(1);
    assertThat(callOf(loan).getAssignee()).isEqualTo("agent2");
  }

  @Test
  void aRecallWithoutReasonOrLoansIsA400() {
    String loan = ownedBy("agent1");

    assertProblem(api.postJson("supervisor1", "/api/cases/recall", "{\"loanIds\": [\"" + loan + "\"]}"), 400, "reason");
    assertProblem(api.postJson("supervisor1", "/api/cases/recall", "{\"reason\": \"r\"}"), 400, "loanIds");

    assertThat(ownerOf(loan)).isEqualTo("agent1");
  }

  // ---- hold

  @Test
  void aHoldKeepsTheOwnerUntilTheEndOfTheDayNamedAndRefusesAPooledCase() {
    String held = ownedBy("agent1");
    String pooled = ownedBy("agent1");
    api.postJson("supervisor1", "/api/cases/recall", "{\"loanIds\": [\"" + pooled + "\"], \"reason\": \"r\"}");
    String until = LocalDate.parse(inDays(40)).toString();

    JsonNode answer = body(api.postJson("manager1", "/api/cases/hold",
        "{\"loanIds\": [\"" + held + "\", \"" + pooled + "\"], \"until\": \"" + until + "\", \"reason\": \"承诺月底结清\"}"));

    assertThat(answer.get("held").asInt()).isEqualTo(1);
    assertThat(refusals(answer)).containsOnly(Map.entry(pooled, "in the pool of team-m1: only an owned case is held"));
    JsonNode view = body(api.get("supervisor1", "/api/cases/" + held));
    // the last day it is held, Asia/Shanghai
    assertThat(view.get("heldUntil").asText()).isEqualTo(until);
    assertThat(lastChange(held).get("kind").asText()).isEqualTo("HELD");
    assertThat(lastChange(held).get("actor").asText()).isEqualTo("manager1");
    assertThat(ownerOf(held)).isEqualTo("agent1");
  }

  @Test
  void aHoldNeedsADayAfterTodayWithinAYear() {
    String loan = ownedBy("agent1");
    String before = body(api.get("supervisor1", "/api/cases/" + loan)).path("heldUntil").asText();

    assertProblem(hold(loan, null), 400, "until");
    assertProblem(hold(loan, "\"" + inDays(0) + "\""), 400, "until");
    assertProblem(hold(loan, "\"" + inDays(367) + "\""), 400, "until");
    assertProblem(hold(loan, "\"2027-02-30\""), 400, "until");
    assertProblem(api.postJson("supervisor1", "/api/cases/hold", "{\"until\": \"" + inDays(3) + "\"}"), 400,
        "loanIds", "reason");

    assertThat(body(api.get("supervisor1", "/api/cases/" + loan)).path("heldUntil").asText()).isEqualTo(before);
    assertThat(kinds(loan)).doesNotContain("HELD");
  }

  // ---- availability

  @Test
  void anAgentOnLeaveTakesNoNewCasesAndTheirOpenCasesGoToTeammatesNow() {
    List<String> agent2s = List.of(ownedBy("agent2"), ownedBy("agent2"));

    HttpResponse<String> response = put("supervisor1", "/api/agents/agent2/availability",
        "{\"available\": false, \"reason\": \"LEAVE\", \"reallocate\": true}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = body(response);
    assertThat(answer.get("agent").asText()).isEqualTo("agent2");
    assertThat(answer.get("available").asBoolean()).isFalse();
    assertThat(answer.get("reason").asText()).isEqualTo("LEAVE");
    assertThat(answer.get("reallocated").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(answer.get("pooled").asInt()).isZero();
    for (String loan : agent2s) {
      assertThat(ownerOf(loan)).isEqualTo("agent1");
      assertThat(callOf(loan).getAssignee()).isEqualTo("agent1");
      assertThat(lastChange(loan).get("kind").asText()).isEqualTo("REALLOCATED");
      assertThat(lastChange(loan).get("actor").asText()).isEqualTo("supervisor1");
    }
    assertThat(body(api.get("supervisor1", "/api/agents/agent2/cases"))).isEmpty();
    String fresh = newLoanId();
    openCase(fresh);
    assertThat(ownerOf(fresh)).isEqualTo("agent1");
    JsonNode workload = body(api.get("supervisor1", "/api/teams/team-m1/workload"));
    assertThat(load(workload, "agent2").get("available").asBoolean()).isFalse();

    JsonNode back = body(put("supervisor1", "/api/agents/agent2/availability", "{\"available\": true}"));
    assertThat(back.get("available").asBoolean()).isTrue();
    assertThat(back.get("reason").isNull()).isTrue();
    assertThat(load(body(api.get("supervisor1", "/api/teams/team-m1/workload")), "agent2").get("available")
        .asBoolean()).isTrue();
  }

  @Test
  void availabilityAnswers400For404AndTheRightsOfOthers() {
    assertProblem(put("supervisor1", "/api/agents/agent2/availability", "{}"), 400, "available");
    assertProblem(put("supervisor1", "/api/agents/agent2/availability", "{\"available\": false}"), 400, "reason");
    assertProblem(put("supervisor1", "/api/agents/agent2/availability",
        "{\"available\": true, \"reallocate\": true, \"reason\": \"" + "x".repeat(41) + "\"}"), 400, "reallocate", "reason");
    assertProblem(put("supervisor1", "/api/agents/agent2/availability", "{\"available\": \"no\"}"), 400, "available");
    assertProblem(put("supervisor1", "/api/agents/nobody/availability", "{\"available\": true}"), 404);
    assertProblem(put("supervisor1", "/api/agents/supervisor2/availability", "{\"available\": true}"), 404);
    assertProblem(put("agent1", "/api/agents/agent2/availability", "{\"available\": false, \"reason\": \"LEAVE\"}"), 403);
    assertProblem(put(null, "/api/agents/agent2/availability", "{\"available\": false, \"reason\": \"LEAVE\"}"), 401);

    assertThat(load(body(api.get("supervisor1", "/api/teams/team-m1/workload")), "agent2").get("available")
        .asBoolean()).isTrue();
  }

  // ---- views

  @Test
  void anAgentsCasesAndATeamsWorkloadShowWhatTheyOwn() {
    String loan = ownedBy("agent1");
    api.postJson("loansys", "/api/cases/" + loan + "/payments",
        "{\"paymentId\": \"P-V-" + System.nanoTime() + "\", \"amount\": 1000.00, \"paidAt\": \"2026-12-01T10:00:00+08:00\"}");

    JsonNode cases = body(api.get("agent1", "/api/agents/agent1/cases"));
    JsonNode workload = body(api.get("manager1", "/api/teams/team-m1/workload"));

    JsonNode row = null;
    for (JsonNode c : cases) {
      if (c.get("loanId").asText().equals(loan)) {
        row = c;
      }
    }
    assertThat(row).as("agent1's cases hold %s: %s", loan, cases).isNotNull();
    assertThat(row.get("bucket").asText()).isEqualTo("M1");
    assertThat(row.get("team").asText()).isEqualTo("team-m1");
    assertThat(row.get("daysPastDue").asInt()).isEqualTo(15);
    assertThat(row.get("amountDue").decimalValue()).isEqualByComparingTo("8500.00");
    assertThat(row.get("amountRepaid").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(row.has("heldUntil")).isTrue();
    assertThat(cases).allSatisfy(c -> assertThat(ownerOf(c.get("loanId").asText())).isEqualTo("agent1"));
    JsonNode agent1 = load(workload, "agent1");
    assertThat(agent1.get("openCases").asInt()).isEqualTo(cases.size());
    assertThat(agent1.get("available").asBoolean()).isTrue();
    assertThat(agent1.get("recoveredThisMonth").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1000.00"));
    assertThat(workload).extracting(w -> w.get("agent").asText()).contains("agent1", "agent2").doesNotContain("agent3");
  }

  @Test
  void theViewsAnswer403And404() {
    assertProblem(api.get("agent2", "/api/agents/agent1/cases"), 403);
    assertProblem(api.get("legal1", "/api/agents/agent1/cases"), 403);
    assertProblem(api.get("agent1", "/api/teams/team-m1/workload"), 403);
    assertProblem(api.get(null, "/api/teams/team-m1/workload"), 401);
    assertProblem(api.get("supervisor1", "/api/agents/nobody/cases"), 404);
    assertProblem(api.get("supervisor1", "/api/teams/team-nowhere/workload"), 404);
    assertProblem(api.get("supervisor1", "/api/teams/collection-agent/workload"), 404);
  }

  @Test
  void onlySupervisorsManagersAndAdminsMoveCases() {
    String loan = ownedBy("agent1");
    List<String> before = kinds(loan);
    String loans = "{\"loanIds\": [\"" + loan + "\"], \"reason\": \"r\", \"toAgent\": \"agent2\", \"until\": \""
        + inDays(5) + "\"}";
    for (String user : List.of("agent1", "agent2", "legal1", "owner1", "loansys")) {
      for (String call : List.of("transfer", "recall", "hold")) {
        assertProblem(api.postJson(user, "/api/cases/" + call, loans), 403);
      }
    }
    for (String call : List.of("transfer", "recall", "hold")) {
      assertProblem(api.postJson(null, "/api/cases/" + call, loans), 401);
    }

    assertThat(ownerOf(loan)).isEqualTo("agent1");
    assertThat(kinds(loan)).isEqualTo(before);
  }

  // ---- helpers

  /** A new open case of team M1 whose owner is {@code agent}: allocated so, or transferred there. */
  private String ownedBy(String agent) {
    String loan = newLoanId();
    openCase(loan);
    if (!agent.equals(ownerOf(loan))) {
      assertThat(transfer("supervisor1", List.of(loan), "\"toAgent\": \"" + agent + "\"", "test setup").statusCode())
          .isEqualTo(200);
    }
    assertThat(ownerOf(loan)).isEqualTo(agent);
    return loan;
  }

  /** A new case of team M1 allocated to {@code agent} itself, not transferred there: no one else ever owned it. */
  private String openedBy(String agent) {
    for (int tries = 0; tries < 10; tries++) {
      String loan = newLoanId();
      openCase(loan);
      if (agent.equals(ownerOf(loan))) {
        return loan;
      }
    }
    throw new AssertionError("allocation never chose " + agent);
  }

  private String closedLoan() {
    String loan = newLoanId();
    String pi = openCase(loan);
    assertThat(api.postJson("loansys", "/api/cases/" + loan + "/payments", "{\"paymentId\": \"P-C-" + System.nanoTime()
        + "\", \"amount\": 8500.00, \"paidAt\": \"2026-12-01T10:00:00+08:00\"}").statusCode()).isEqualTo(200);
    executeJobs(pi);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    return loan;
  }

  private HttpResponse<String> transfer(String user, List<String> loanIds, String target, String reason) {
    String ids = loanIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    return api.postJson(user, "/api/cases/transfer", "{\"loanIds\": [" + ids + "], " + target + ", \"reason\": \""
        + reason + "\"}");
  }

  private HttpResponse<String> hold(String loan, String until) {
    return api.postJson("supervisor1", "/api/cases/hold", "{\"loanIds\": [\"" + loan + "\"], "
        + (until == null ? "" : "\"until\": " + until + ", ") + "\"reason\": \"r\"}");
  }

  private HttpResponse<String> put(String user, String path, String json) {
    return api.send(api.request(user, path).header("Content-Type", JSON)
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static Map<String, String> refusals(JsonNode answer) {
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    answer.get("refused").forEach(r -> refusals.put(r.get("loanId").asText(), r.get("reason").asText()));
    return refusals;
  }

  private JsonNode lastChange(String loan) {
    JsonNode ownership = body(api.get("supervisor1", "/api/cases/" + loan)).get("ownership");
    return ownership.get(ownership.size() - 1);
  }

  private List<String> kinds(String loan) {
    List<String> kinds = new ArrayList<>();
    body(api.get("supervisor1", "/api/cases/" + loan)).get("ownership").forEach(c -> kinds.add(c.get("kind").asText()));
    return kinds;
  }

  private Task callOf(String loan) {
    return tasks.createTaskQuery().processInstanceBusinessKey(loan).taskDefinitionKey("callBorrower").singleResult();
  }

  /** Which of the team M1 and M2 agents and supervisor1 may open the task over {@code /engine-rest}. */
  private List<String> openers(String taskId) {
    return List.of("agent1", "agent2", "agent3", "supervisor1").stream().filter(user -> {
      int status = api.get(user, "/engine-rest/task/" + taskId).statusCode();
      assertThat(status).as(user).isIn(200, 404);
      return status == 200;
    }).toList();
  }

  private List<String> grantees(String taskId) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(taskId).list().stream()
        .map(grant -> grant.getUserId() != null ? grant.getUserId() : "group:" + grant.getGroupId()).toList();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private static JsonNode load(JsonNode workload, String agent) {
    for (JsonNode row : workload) {
      if (row.get("agent").asText().equals(agent)) {
        return row;
      }
    }
    throw new AssertionError(agent + " is not in " + workload);
  }
}
