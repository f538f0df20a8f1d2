package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.api.RequestRejected;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminder and contact request (要求加企业微信): the call, the wait for the add, retries, refusals. */
class ContactPathsTest extends ProcessTestSupport {

  @Test
  void unpaidReminderContinuesWithWeChatContact() {
    var pi = openCase(5, "3000.00", 0, "NORMAL");

    fireNextTimer(pi);

    assertThat(pi).hasPassedInOrder("sendPaymentReminder", "reminderWaitOver", "requestWeChatContact")
        .isWaitingAt("callBorrower");
    assertThat(smsTemplates(pi)).containsExactly("PAYMENT_REMINDER", "WECOM_REQUEST");
  }

  @Test
  void borrowerWhoAddsWeComReachesVerificationWithTheAgentTheyAdded() {
    var pi = openWeChatCase();

    borrowerAddsWeCom(pi);

    assertThat(pi).hasPassedInOrder("callBorrower", "weChatContactAdded").isWaitingAt("verifyBorrower");
    assertThat(pi).task().isAssignedTo(owner(pi));
    assertThat(pi).variables().containsEntry("contactResult", "AGREED_TO_ADD")
        .containsEntry("wecomExternalUserId", "wmExternal01");
  }

  @Test
  void borrowerWhoAddsWeComDuringTheCallSkipsTheRestOfTheCall() {
    var pi = openWeChatCase();

    weChatContacts.confirm(loanId(pi), "wmExternal02", null);
    executeDueJobs(pi);

    assertThat(pi).hasPassed("weChatAddedDuringCall").isWaitingAt("verifyBorrower");
    // the owner, whose WeCom account the borrower added, verifies (CONTRACT §1.4)
    assertThat(pi).task().isAssignedTo(owner(pi));
  }

  @Test
  void confirmingAContactTheCaseIsNotWaitingForIsAConflict() {
    var pi = openCase(5, "3000.00", 0, "NORMAL");

    assertThatThrownBy(() -> weChatContacts.confirm(loanId(pi), null, null))
        .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThat(pi).isWaitingAt("reminderWaitOver");
  }

  @Test
  void anUnknownCallResultIsRefusedAndNothingMoves() {
    var pi = openWeChatCase();

    assertThatThrownBy(() -> agentCompletes(pi, "callBorrower", Map.of("contactResult", "MAYBE", "callNotes", "?")))
        .hasMessageContaining("contactResult must be one of AGREED_TO_ADD, NOT_REACHED, REFUSED");

    assertThat(pi).isWaitingAt("callBorrower");
    assertThat(pi).variables().doesNotContainKey("contactResult");
  }

  @Test
  void refusalEscalates() {
    var pi = openWeChatCase();

    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝添加"));

    assertThat(pi).hasPassed("escalateContactRefused").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "CONTACT_REFUSED");
  }

  @Test
  void unansweredRequestsRepeatUntilTheAttemptsAreSpentThenEscalate() {
    var pi = openWeChatCase();

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(pi).isWaitingAt("callBorrower");
      assertThat(pi).variables().containsEntry("contactAttempts", attempt)
          .as("a new call starts without the last call's answer").doesNotContainKey("contactResult");
      agentCompletes(pi, "callBorrower", Map.of("contactResult", "NOT_REACHED", "callNotes", "无人接听 " + attempt));
      assertThat(pi).isWaitingAt("awaitWeChatAdd");
      fireNextTimer(pi);
    }

    assertThat(pi).hasPassed("escalateNoContact").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "NO_CONTACT");
    assertThat(smsTemplates(pi)).containsExactly("WECOM_REQUEST", "WECOM_REQUEST", "WECOM_REQUEST", "CREDIT_REPORT_NOTICE");
  }

  @Test
  void borrowerWhoAgreedButNeverAddsGetsAnotherRequest() {
    var pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "答应添加"));

    fireNextTimer(pi);

    assertThat(pi).isWaitingAt("callBorrower");
    assertThat(pi).variables().containsEntry("contactAttempts", 2);
  }
}
