package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.common.BusinessClock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The borrower has added the company's WeCom account; the agent verifies and
 * agrees 12 installments, which a supervisor approves under "Approvals" (four eyes).
 */
class PlanApprovalTest extends BrowserTestSupport {

  @Test
  void agentVerifiesAndAgreesTwelveInstallmentsThatASupervisorApproves() {
    String loanId = openWeChatCase();
    completeAs("agent1", "collection-agent", loanId, "callBorrower",
        Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "同意添加企业微信"));
    weChatContacts.confirm(loanId, "wmBorrower01", "agent1");
    executeDueJobs(loanId);

    // The borrower added agent1, so verification is already agent1's.
    Tasklist tasklist = Tasklist.login(browser, "agent1");
    String verify = "信息核实 · " + loanId;
    tasklist.openFilter(MY_TASKS).openTask(verify);
    assertThat(tasklist.canClaim()).isFalse();
    TaskForm verification = tasklist.form("verifyBorrower");
    assertThat(verification.caseContext()).contains(loanId).contains("致电借款人 (agent1): contactResult=AGREED_TO_ADD");
    verification.check("identityVerified", true)
        .select("overdueReason", "ECONOMIC_HARDSHIP")
        .check("willingToRepay", true)
        .type("verificationNotes", "本人视频核实；收入下降，愿意分期。");
    browser.screenshot("verify-borrower-filled");
    tasklist.complete();
    executeDueJobs(loanId);
    assertThat(variable(loanId, "identityVerified")).isEqualTo(true);
    assertThat(variable(loanId, "overdueReason")).isEqualTo("ECONOMIC_HARDSHIP");

    String negotiate = "协商还款方案 · " + loanId;
    LocalDate firstDue = LocalDate.now(BusinessClock.ZONE).plusDays(10);
    // the owner's next task is theirs already: no claiming (CONTRACT §4)
    tasklist.openFilter(MY_TASKS).openTask(negotiate);
    assertThat(tasklist.canClaim()).isFalse();
    TaskForm plan = tasklist.form("negotiatePlan");
    plan.select("negotiationOutcome", "AGREED")
        .select("planType", "INSTALLMENTS")
        .type("installmentCount", "12")
        .date("firstDueDate", firstDue)
        .type("negotiationNotes", "每月还款，共 12 期。");
    assertThat(plan.text()).contains("此方案需主管审批");
    browser.screenshot("negotiate-plan-12-installments");
    tasklist.complete();
    executeDueJobs(loanId);
    assertThat(task(loanId, "approvePlan")).isNotNull();
    assertThat(((Number) variable(loanId, "installmentCount")).intValue()).isEqualTo(12);
    assertThat(variable(loanId, "firstDueDate")).isEqualTo(firstDue.toString());
    browser.signOut();

    // Four eyes: a supervisor, not the negotiator, approves.
    Tasklist supervisor = Tasklist.login(browser, "supervisor1");
    assertThat(supervisor.selectedFilter()).isEqualTo(APPROVALS);
    String approve = "方案审批 · " + loanId;
    supervisor.awaitTask(approve);
    browser.screenshot("approvals-of-supervisor1");
    supervisor.openTask(approve).claim();
    TaskForm approval = supervisor.form("approvePlan");
    assertThat(approval.text()).contains("12");
    approval.check("planApproved", true).type("approvalComment", "收入证明齐全，同意分 12 期。");
    browser.screenshot("approve-plan-filled");
    supervisor.complete();
    executeDueJobs(loanId);
    browser.screenshot("approvals-after-approval");

    assertThat(variable(loanId, "planApproved")).isEqualTo(true);
    assertThat(activeActivities(loanId)).contains("installmentDue");
  }
}
