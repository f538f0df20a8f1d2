package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.common.BusinessClock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form refuses what the process must not get, and nothing moves. */
class FormValidationTest extends BrowserTestSupport {

  @Test
  void aCallWithoutAResultIsRefused() {
    String loanId = openWeChatCase();
    String call = "致电借款人 · " + loanId;
    Tasklist tasklist = Tasklist.login(browser, "agent1");
    tasklist.openFilter(COLLECTION_QUEUE).openTask(call).claim();
    TaskForm form = tasklist.form("callBorrower");
    form.type("callNotes", "没有选择联系结果");

    tasklist.pressComplete();

    browser.until(d -> form.errors().containsKey("contactResult"));
    assertThat(form.errors()).containsOnlyKeys("contactResult");
    assertThat(tasklist.openTaskName()).isEqualTo(call);
    browser.screenshot("call-without-result-refused");
    executeDueJobs(loanId);
    assertThat(task(loanId, "callBorrower")).isNotNull();
    assertThat(variable(loanId, "contactResult")).isNull();
    assertThat(variable(loanId, "callNotes")).isNull();
  }

  @Test
  void twentyFiveInstallmentsAreRefused() {
    String loanId = openWeChatCase();
    completeAs("agent1", "collection-agent", loanId, "callBorrower",
        Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "同意添加企业微信"));
    weChatContacts.confirm(loanId, "wmBorrower02", "agent1");
    executeDueJobs(loanId);
    completeAs("agent1", "collection-agent", loanId, "verifyBorrower", Map.of("identityVerified", true,
        "overdueReason", "ECONOMIC_HARDSHIP", "willingToRepay", true));
    String negotiate = "协商还款方案 · " + loanId;

    Tasklist tasklist = Tasklist.login(browser, "agent1");
    // the case is agent1's: its negotiation waits under "My tasks", already assigned
    tasklist.openFilter(MY_TASKS).openTask(negotiate);
    TaskForm plan = tasklist.form("negotiatePlan");
    plan.select("negotiationOutcome", "AGREED")
        .select("planType", "INSTALLMENTS")
        .type("installmentCount", "25")
        .date("firstDueDate", LocalDate.now(BusinessClock.ZONE).plusDays(10));

    // Refused as soon as it is typed: the field says why and Complete cannot be pressed.
    browser.until(d -> plan.errors().containsKey("installmentCount"));
    assertThat(plan.errors()).containsOnlyKeys("installmentCount");
    assertThat(tasklist.canComplete()).isFalse();
    assertThat(tasklist.openTaskName()).isEqualTo(negotiate);
    assertThat(plan.value("installmentCount")).isEqualTo("25");
    browser.screenshot("twenty-five-installments-refused");
    executeDueJobs(loanId);
    assertThat(task(loanId, "negotiatePlan")).isNotNull();
    assertThat(task(loanId, "approvePlan")).isNull();
    assertThat(variable(loanId, "installmentCount")).isNull();
    assertThat(variable(loanId, "planType")).isNull();
  }
}
