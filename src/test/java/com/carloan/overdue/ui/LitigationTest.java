package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A legal officer closes a case through the court, with its evidence pack. */
class LitigationTest extends BrowserTestSupport {

  private static final By EVIDENCE_PACK_LINK = By.cssSelector("form.fjs-form a[href*='evidence-pack']");

  @Test
  void legalOfficerRecordsTheCourtsSettlement() {
    String loanId = caseInLitigation();
    String litigation = "诉讼处理 · " + loanId;

    Tasklist tasklist = Tasklist.login(browser, "legal1");
    assertThat(tasklist.selectedFilter()).isEqualTo(ESCALATIONS);
    tasklist.awaitTask(litigation);
    browser.screenshot("escalations-of-legal1");
    tasklist.openTask(litigation).claim();
    TaskForm form = tasklist.form("handleLitigation");
    assertThat(form.caseContext()).contains(loanId, "张三", "¥8,500.00").containsPattern("139\\*{4}\\d{4}");
    assertThat(form.text()).contains(String.valueOf(variable(loanId, "evidencePackId")));
    browser.screenshot("handle-litigation-claimed");

    form.select("litigationResult", "SETTLED_IN_COURT")
        .type("recoveredAmount", "6000")
        .type("litigationNotes", "法院调解，借款人一次性偿还 6000 元。");
    browser.screenshot("handle-litigation-filled");
    tasklist.complete();
    executeDueJobs(loanId);
    browser.screenshot("escalations-after-the-judgment");

    HistoricProcessInstance closed = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(loanId).singleResult();
    assertThat(closed.getEndTime()).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(closed.getId())
        .variableName("caseOutcome").singleResult().getValue()).isEqualTo("LEGAL_CLOSED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(closed.getId())
        .variableName("litigationResult").singleResult().getValue()).isEqualTo("SETTLED_IN_COURT");
  }

  /** The evidence pack as a PDF, linked from the handleLitigation form and served at {@code GET /api/cases/{loanId}/evidence-pack}. */
  @Test
  void legalOfficerDownloadsTheEvidencePackFromTheForm() throws Exception {
    String loanId = caseInLitigation();
    Tasklist tasklist = Tasklist.login(browser, "legal1");
    // Tasklist covers the form of a task nobody has claimed: the officer claims it first.
    tasklist.openTask("诉讼处理 · " + loanId).claim();
    List<WebElement> links = browser.all(EVIDENCE_PACK_LINK);
    assertThat(links).as("the handleLitigation form links the evidence pack").isNotEmpty();

    // Over the API, as the contract serves it.
    HttpResponse<byte[]> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(browser.baseUrl() + "/api/cases/" + loanId + "/evidence-pack"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("legal1:legal1".getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    assertThat(new String(api.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // From the form, as a legal officer does it.
    browser.inView(links.get(0)).click();
    Path pdf = browser.until(Duration.ofSeconds(30), d -> downloadedPdf());
    browser.screenshot("evidence-pack-downloaded");
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  private Path downloadedPdf() {
    try (Stream<Path> files = Files.list(browser.downloads())) {
      return files.filter(file -> file.toString().endsWith(".pdf")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The borrower refuses to add WeCom; the supervisor takes the case to court. */
  private String caseInLitigation() {
    String loanId = openWeChatCase();
    completeAs("agent1", "collection-agent", loanId, "callBorrower",
        Map.of("contactResult", "REFUSED", "callNotes", "借款人拒绝添加企业微信，拒绝沟通。"));
    completeAs("supervisor1", "collection-supervisor", loanId, "reviewEscalation",
        Map.of("escalationAction", "LEGAL_ACTION", "escalationNotes", "拒绝沟通，提起诉讼。"));
    awaitTask(loanId, "handleLitigation");
    return loanId;
  }
}
