package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/cases/{loanId}/phone}: the full number, for the agent who holds the case's call and
 * only from the call's follow-up time on; every reveal is recorded, every refusal reveals nothing.
 */
class PhoneRevealTest extends ApiTestSupport {

  private ProcessInstance caseWithPhone(String phone) {
    String loanId = newLoanId();
    String id = intake.open(payload(loanId, 15, "8500.00", 1, "NORMAL", phone)).processInstanceId();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    executeDueJobs(pi);
    assertThat(runtime.getActiveActivityIds(id)).contains("callBorrower");
    return pi;
  }

  private static String path(ProcessInstance pi) {
    return "/api/cases/" + pi.getBusinessKey() + "/phone";
  }

  private int reveals(ProcessInstance pi) {
    return jdbc.queryForObject("select count(*) from phone_reveal where loan_id = ?", Integer.class, pi.getBusinessKey());
  }

  @Test
  void theAgentHoldingTheCallGetsTheNumberAndTheRevealIsRecorded() {
    String phone = newPhone();
    ProcessInstance pi = caseWithPhone(phone);
    String call = task(pi, "callBorrower").getId();
    String owner = owner(pi);
    assertThat(task(pi, "callBorrower").getAssignee()).isEqualTo(owner);

    HttpResponse<byte[]> response = get(path(pi), owner);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("phone").asText()).isEqualTo(phone);
    assertThat(json(response).path("loanId").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(jdbc.queryForObject("select revealed_to from phone_reveal where loan_id = ?", String.class,
        pi.getBusinessKey())).isEqualTo(owner);
    assertThat(jdbc.queryForObject("select task_id from phone_reveal where loan_id = ?", String.class,
        pi.getBusinessKey())).isEqualTo(call);
    assertThat(jdbc.queryForObject("select revealed_at from phone_reveal where loan_id = ?", OffsetDateTime.class,
        pi.getBusinessKey()).toInstant()).isEqualTo(TUESDAY_10AM.toInstant());
  }

  @Test
  void nobodyElseSeesItNotEvenSupervisors() {
    String phone = newPhone();
    ProcessInstance pi = caseWithPhone(phone);

    String owner = owner(pi);
    String call = task(pi, "callBorrower").getId();
    // a call its owner gave back in Tasklist: not even the owner, who is told what to do
    tasks.setAssignee(call, null);
    HttpResponse<byte[]> unclaimed = get(path(pi), owner);
    assertProblem(unclaimed, 403);
    assertThat(detail(unclaimed)).isEqualTo(
        "Claim the case's callBorrower task first: only the agent holding the call may see the number.");
    tasks.claim(call, owner);
    String teammate = owner.equals("agent1") ? "agent2" : "agent1";
    for (String user : new String[] {teammate, "supervisor1", "manager1", "legal1", "owner1", "loansys", "admin"}) {
      HttpResponse<byte[]> refused = get(path(pi), user);
      assertProblem(refused, 403);
      assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(phone);
      assertThat(detail(refused)).as(user).isEqualTo(user.startsWith("agent") || user.startsWith("supervisor")
          || user.startsWith("manager")
          ? "Another user holds the case's callBorrower task: only the agent holding the call may see the number."
          : "Your groups may not do this.");
    }
    assertProblem(get(path(pi), null), 401);
    assertThat(reveals(pi)).isZero();
  }

  @Test
  void aCaseNotAtItsCallSaysSo() {
    ProcessInstance pi = caseWithPhone(newPhone());
    String call = task(pi, "callBorrower").getId();
    tasks.complete(call, java.util.Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "will add"));

    HttpResponse<byte[]> refused = get(path(pi), owner(pi));

    assertProblem(refused, 403);
    assertThat(detail(refused)).isEqualTo(
        "The case has no open callBorrower task: the number is shown only to the agent holding the call.");
  }

  @Test
  void notBeforeTheCallsFollowUpTime() {
    setClock(ZonedDateTime.parse("2026-12-01T22:30:00+08:00[Asia/Shanghai]"));
    ProcessInstance pi = caseWithPhone(newPhone());

    assertProblem(get(path(pi), owner(pi)), 409);
    assertThat(reveals(pi)).isZero();

    setClock(ZonedDateTime.parse("2026-12-02T08:00:00+08:00[Asia/Shanghai]"));
    assertThat(get(path(pi), owner(pi)).statusCode()).isEqualTo(200);
    assertThat(reveals(pi)).isEqualTo(1);
  }

  @Test
  void noActiveCaseNoNumber() {
    assertProblem(get("/api/cases/L-NO-SUCH-LOAN/phone", "agent1"), 404);
  }

  private String detail(HttpResponse<byte[]> response) {
    return json(response).path("detail").asText();
  }
}
