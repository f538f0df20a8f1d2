package com.carloan.overdue.record.promise;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carloan.overdue.process.ProcessTestSupport;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Promises to pay made on the call (CONTRACT §5): open until the end of their date plus promiseGrace (P1D),
 * then kept or broken by the payments reported since; a broken one opens followUpPromise for the owner while
 * the case stays where it was. Made on Tuesday 1 December for Saturday 5 December: due Monday 7 December, 00:00.
 */
class PromiseTest extends ProcessTestSupport {

  private static final ZonedDateTime DUE = ZonedDateTime.parse("2026-12-07T00:00:00+08:00[Asia/Shanghai]");

  @Autowired PromiseSweep sweep;
  @Autowired Promises promises;

  @Test
  void aPromiseMadeOnTheCallIsKeptByThePaymentsBeforeItsDate() {
    ProcessInstance pi = caseWithPromiseOnTheCall("3000");

    setClock(ZonedDateTime.parse("2026-12-04T15:00:00+08:00[Asia/Shanghai]"));
    pay(pi, "1000");
    pay(pi, "2000");
    setClock(DUE.plusMinutes(1));
    String waitingAt = waitingAt(pi);

    Assertions.assertThat(sweep.run()).isEqualTo(new PromiseSweep.Swept(1, 0));
    Assertions.assertThat(onlyPromise(pi).status()).isEqualTo("KEPT");
    Assertions.assertThat(onlyPromise(pi).paid()).isEqualByComparingTo("3000");
    Assertions.assertThat(task(pi, "followUpPromise")).isNull();
    Assertions.assertThat(waitingAt(pi)).isEqualTo(waitingAt);
  }

  @Test
  void aPaymentInTheGracePeriodKeepsThePromise() {
    ProcessInstance pi = caseWithPromiseOnTheCall("3000");

    setClock(DUE.minusHours(2)); // Sunday 22:00, the day after the promised date
    Assertions.assertThat(sweep.run()).isEqualTo(new PromiseSweep.Swept(0, 0));
    pay(pi, "3000");
    setClock(DUE);

    Assertions.assertThat(sweep.run()).isEqualTo(new PromiseSweep.Swept(1, 0));
    Assertions.assertThat(onlyPromise(pi).status()).isEqualTo("KEPT");
  }

  @Test
  void aBrokenPromiseOpensFollowUpPromiseForTheOwnerWhileTheCaseStaysWhereItWas() {
    ProcessInstance pi = caseWithPromiseOnTheCall("3000");
    String owner = owner(pi);
    setClock(ZonedDateTime.parse("2026-12-03T11:00:00+08:00[Asia/Shanghai]"));
    pay(pi, "1000");
    // the application was down over the due moment: the sweep after the restart decides by what was paid by then
    setClock(DUE.plusDays(2));
    pay(pi, "2000");
    String waitingAt = waitingAt(pi);

    Assertions.assertThat(sweep.run()).isEqualTo(new PromiseSweep.Swept(0, 1));

    Promises.Promise promise = onlyPromise(pi);
    Assertions.assertThat(promise.status()).isEqualTo("BROKEN");
    Assertions.assertThat(promise.paid()).isEqualByComparingTo("1000");
    Task followUp = task(pi, "followUpPromise");
    Assertions.assertThat(followUp.getAssignee()).isEqualTo(owner);
    Assertions.assertThat(followUp.getName()).contains(loanId(pi));
    Assertions.assertThat(tasks.getVariablesLocal(followUp.getId())).containsEntry("brokenPromiseAmount", 3000.0)
        .containsEntry("brokenPromiseDate", "2026-12-05").containsEntry("brokenPromisePaid", 1000.0);
    Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("brokenPromiseAmount");
    Assertions.assertThat(waitingAt(pi)).isEqualTo(waitingAt + "+followUpPromise");

    // decided once: the next sweep finds nothing
    Assertions.assertThat(sweep.run()).isEqualTo(new PromiseSweep.Swept(0, 0));

    agentCompletes(pi, "followUpPromise", Map.of("noteChannel", "WECHAT", "noteReached", "BORROWER",
        "noteFeedback", "HARDSHIP", "noteText", "借款人失业，申请延期"));
    Assertions.assertThat(task(pi, "followUpPromise")).isNull();
    Assertions.assertThat(waitingAt(pi)).isEqualTo(waitingAt);
    Assertions.assertThat(jdbc.queryForList("select feedback from case_note where loan_id = ? order by id", String.class,
        loanId(pi))).containsExactly("PROMISE_TO_PAY", "HARDSHIP");
    Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("noteFeedback", "noteText", "noteChannel");
  }

  @Test
  void twoNodesSweepingAtOnceDecideAPromiseOnce() throws Exception {
    ProcessInstance pi = caseWithPromiseOnTheCall("3000");
    setClock(DUE.plusMinutes(5));
    CyclicBarrier together = new CyclicBarrier(2);

    List<CompletableFuture<PromiseSweep.Swept>> nodes = List.of(node(together), node(together));

    int broken = nodes.stream().mapToInt(n -> n.join().broken()).sum();
    Assertions.assertThat(broken).isEqualTo(1);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("followUpPromise").count())
        .isEqualTo(1);
  }

  @Test
  void aNoteOnTheCallThatBreaksTheRulesRefusesTheCompletion() {
    ProcessInstance pi = openWeChatCase();

    // nobody answered, so nobody promised; and a promise in 40 days is outside the window
    assertThatThrownBy(() -> agentCompletes(pi, "callBorrower", Map.of("contactResult", "NOT_REACHED",
        "callNotes", "未接通", "noteFeedback", "PROMISE_TO_PAY", "notePromiseAmount", 500,
        "notePromiseDate", "2027-01-10")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("noteFeedback must be UNREACHABLE")
        .hasMessageContaining("notePromiseDate must lie within the next 30 days");
    assertThat(pi).isWaitingAt("callBorrower");
    Assertions.assertThat(jdbc.queryForObject("select count(*) from case_note where loan_id = ?", Integer.class,
        loanId(pi))).isZero();

    // completed with only the contract's variables, the call still leaves its note
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "NOT_REACHED", "callNotes", "未接通"));
    Assertions.assertThat(jdbc.queryForMap("select channel, reached, phone_status, feedback from case_note "
        + "where loan_id = ?", loanId(pi))).containsValues("PHONE", "NOBODY", "NO_ANSWER", "UNREACHABLE");
  }

  private CompletableFuture<PromiseSweep.Swept> node(CyclicBarrier together) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        together.await();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return sweep.run();
    });
  }

  /** A WeChat case whose owner reached the borrower, who promised to pay by Saturday. */
  private ProcessInstance caseWithPromiseOnTheCall(String amount) {
    ProcessInstance pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "借款人同意添加企业微信",
        "noteFeedback", "PROMISE_TO_PAY", "notePromiseAmount", Integer.parseInt(amount),
        "notePromiseDate", "2026-12-05", "noteNextFollowUp", "2026-12-02T22:30+08:00"));
    // the follow-up, out of quiet hours, is in the call's note
    Assertions.assertThat(jdbc.queryForObject("select next_follow_up from case_note where loan_id = ?",
        java.sql.Timestamp.class, loanId(pi)).toInstant())
        .isEqualTo(ZonedDateTime.parse("2026-12-03T08:00:00+08:00[Asia/Shanghai]").toInstant());
    Assertions.assertThat(onlyPromise(pi).status()).isEqualTo("OPEN");
    Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("noteFeedback", "notePromiseAmount");
    return pi;
  }

  private Promises.Promise onlyPromise(ProcessInstance pi) {
    long caseId = jdbc.queryForObject("select id from loan_case where loan_id = ?", Long.class, loanId(pi));
    List<Promises.Promise> all = promises.list(caseId);
    Assertions.assertThat(all).hasSize(1);
    return all.get(0);
  }

  private String waitingAt(ProcessInstance pi) {
    List<String> active = runtime.getActiveActivityIds(pi.getId()).stream().sorted((a, b) ->
        a.equals("followUpPromise") ? 1 : b.equals("followUpPromise") ? -1 : a.compareTo(b)).toList();
    return String.join("+", active);
  }
}
