package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;

/** An agent's first call of the day, from the Collection queue. */
class CollectionQueueTest extends BrowserTestSupport {

  @Test
  void agentClaimsACallFromTheQueueReadsTheCaseAndRecordsTheAgreement() {
    String loanId = openWeChatCase();
    String call = "致电借款人 · " + loanId;

    Tasklist tasklist = Tasklist.login(browser, "agent1");
    tasklist.openFilter(COLLECTION_QUEUE).awaitTask(call);
    assertThat(tasklist.taskNames()).contains(call);
    browser.screenshot("collection-queue");

    tasklist.openTask(call);
    assertThat(tasklist.canClaim()).isTrue();
    TaskForm form = tasklist.claim().form("callBorrower");
    assertThat(form.caseContext())
        .contains(loanId, "张三", "¥8,500.00", "中 MEDIUM")
        .containsPattern("139\\*{4}\\d{4}")
        .contains("逾期 15 天");
    assertThat(form.text()).doesNotContainPattern("1[3-9]\\d{9}"); // never a full phone number
    browser.screenshot("call-borrower-claimed");

    form.select("contactResult", "AGREED_TO_ADD").type("callNotes", "借款人本人接听，同意今天添加企业微信。");
    browser.screenshot("call-borrower-filled");
    tasklist.complete();
    executeDueJobs(loanId);
    browser.screenshot("queue-after-the-call");

    assertThat(task(loanId, "callBorrower")).isNull();
    assertThat(variable(loanId, "contactResult")).isEqualTo("AGREED_TO_ADD");
    // What the agent wrote went into the encrypted communications; the variable only points there.
    assertThat((String) variable(loanId, "callNotes")).startsWith("通话记录已加密存档");
    // The case now waits for the borrower to add the company's WeCom account.
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId(loanId))
        .eventName("WeChatContactAdded").count()).isEqualTo(1);
    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(loanId)
        .taskDefinitionKey("callBorrower").singleResult();
    assertThat(done.getAssignee()).isEqualTo("agent1");
    assertThat(done.getEndTime()).isNotNull();
  }
}
