package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ContractPayload;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.CaseIntake;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.record.promise.Promises;
import com.carloan.overdue.record.waiver.WaiverRules;
import com.carloan.overdue.record.waiver.Waivers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The collection record in Tasklist: the agent dials from the call's form (the number never shown) and records
 * the borrower's promise to pay; a supervisor approves a penalty waiver under "Approvals".
 */
class CollectionRecordBrowserTest extends BrowserTestSupport {

  @Autowired LoanCases cases;
  @Autowired Promises promises;
  @Autowired Waivers waivers;
  @Autowired JdbcTemplate jdbc;
  @Autowired FieldCipher cipher;

  @Test
  void theAgentDialsFromTheCallAndRecordsAPromiseToPay() {
    String loanId = openCase(15, "8500.00", 1, "NORMAL");
    String owner = (String) variable(loanId, "caseOwner");
    Tasklist tasklist = Tasklist.login(browser, owner);
    tasklist.openFilter(MY_TASKS).openTask("致电借款人 · " + loanId);
    TaskForm call = tasklist.form("callBorrower");
    assertThat(call.text()).contains("拨打借款人");

    // Tasklist's form renderer drops the link's target: the dialler page opens in the same tab, and back is the form
    WebDriver driver = browser.driver();
    browser.inView(browser.visible(By.partialLinkText("拨打借款人"))).click();
    browser.clickable(By.id("dial")).click();
    String placed = browser.until(d -> {
      String text = d.findElement(By.id("result")).getText();
      return text.isBlank() ? null : text;
    });
    browser.screenshot("dialler-calling");
    assertThat(placed).contains("正在呼叫", "local-dial-");
    assertThat(driver.getPageSource()).doesNotContain(phoneOf(loanId));
    driver.navigate().back();
    call = tasklist.awaitOpenForm().form("callBorrower");

    LocalDate promised = LocalDate.now(BusinessClock.ZONE).plusDays(5);
    call.select("contactResult", "AGREED_TO_ADD")
        .type("callNotes", "借款人同意添加企业微信，承诺下周还款")
        .select("notePhoneStatus", "ANSWERED")
        .select("noteReached", "BORROWER")
        .select("noteFeedback", "PROMISE_TO_PAY")
        .type("notePromiseAmount", "3000")
        .date("notePromiseDate", promised);
    browser.screenshot("call-borrower-with-promise");
    tasklist.complete();
    executeDueJobs(loanId);

    long caseId = cases.findLatest(loanId).orElseThrow().id();
    assertThat(promises.list(caseId)).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo("3000");
      assertThat(p.date()).isEqualTo(promised);
      assertThat(p.status()).isEqualTo("OPEN");
    });
    assertThat(jdbc.queryForList("select feedback from case_note where case_id = ?", String.class, caseId))
        .containsExactly("PROMISE_TO_PAY");
    assertThat(jdbc.queryForObject("select count(*) from dial where case_id = ?", Integer.class, caseId)).isEqualTo(1);
  }

  @Test
  void aSupervisorApprovesAPenaltyWaiverUnderApprovals() throws Exception {
    String loanId = String.format("L-2026-%06d", 990000 + (int) (System.nanoTime() % 9000));
    ObjectNode body = ContractPayload.of(loanId, "13987650001", 15, "8500.00", 1, "NORMAL");
    body.put("penaltyAmount", new BigDecimal("800.00"));
    intake.open(json.treeToValue(body, CaseIntake.class));
    executeDueJobs(loanId);
    String owner = (String) variable(loanId, "caseOwner");
    waivers.request(cases.findActive(loanId).orElseThrow(), WaiverRules.Kind.PENALTY, new BigDecimal("300.00"),
        "首次逾期，减免部分罚息", owner);

    Tasklist supervisor = Tasklist.login(browser, "supervisor1");
    String approve = "审批减免 · " + loanId;
    supervisor.openFilter(APPROVALS).awaitTask(approve);
    supervisor.openTask(approve).claim();
    TaskForm waiver = supervisor.form("approveWaiver");
    assertThat(waiver.text()).contains("罚息 PENALTY", "¥300.00", owner, "首次逾期");
    waiver.check("waiverApproved", true).type("waiverComment", "同意减免 300 元罚息");
    browser.screenshot("approve-waiver-filled");
    supervisor.complete();
    executeDueJobs(loanId);

    assertThat(cases.findActive(loanId).orElseThrow().amountWaived()).isEqualByComparingTo("300.00");
    assertThat(cases.findActive(loanId).orElseThrow().amountDue()).isEqualByComparingTo("9000.00");
  }

  private String phoneOf(String loanId) {
    return cipher.decrypt(jdbc.queryForObject("select phone_cipher from loan_case where loan_id = ?", String.class,
        loanId));
  }
}
