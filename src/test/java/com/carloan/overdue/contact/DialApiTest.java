package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.api.ContractPayload;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/cases/{loanId}/dial} (拨打, 隐号外呼): the agent holding the call rings the borrower through the
 * dialler (here the local one, which records the dial) and never sees the number; the conduct rules hold.
 */
class DialApiTest extends ApiTestSupport {

  @Test
  void theAgentHoldingTheCallDialsWithoutSeeingTheNumberAndTheDialIsInTheRecord() {
    String phone = newPhone();
    String loanId = openWithBorrower(phone);
    String owner = ownerOf(loanId);

    HttpResponse<String> dialled = api.postJson(owner, "/api/cases/" + loanId + "/dial", "");

    assertThat(dialled.statusCode()).as(dialled.body()).isEqualTo(200);
    assertThat(body(dialled).path("callId").asText()).startsWith("local-dial-");
    assertThat(dialled.body()).doesNotContain(phone);
    assertThat(jdbc.queryForObject("select recipient_masked from gateway_record where gateway = 'DIALLER' and loan_id = ?",
        String.class, loanId)).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId + "/communications")).toString())
        .contains("外呼 dialled through the dialler").doesNotContain(phone);
    // not the colleague, not a supervisor who does not hold the call
    String colleague = owner.equals("agent1") ? "agent2" : "agent1";
    assertProblem(api.postJson(colleague, "/api/cases/" + loanId + "/dial", ""), 403);
    assertProblem(api.postJson("supervisor1", "/api/cases/" + loanId + "/dial", ""), 403);
  }

  @Test
  void theDailyCapAndQuietHoursAndAPauseStopTheDial() {
    String loanId = openWithBorrower(newPhone());
    String owner = ownerOf(loanId);
    // today the WeCom request SMS and the call's own slot: the first dial is that slot, the second the third attempt
    assertThat(api.postJson(owner, "/api/cases/" + loanId + "/dial", "").statusCode()).isEqualTo(200);
    assertThat(api.postJson(owner, "/api/cases/" + loanId + "/dial", "").statusCode()).isEqualTo(200);
    assertThat(assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/dial", ""), 409).path("detail").asText())
        .contains("used up");

    String late = openWithBorrower(newPhone());
    setClock(ZonedDateTime.parse("2026-12-01T21:30:00+08:00[Asia/Shanghai]"));
    assertThat(assertProblem(api.postJson(ownerOf(late), "/api/cases/" + late + "/dial", ""), 409).path("detail").asText())
        .contains("21:00");

    setClock(TUESDAY_10AM);
    String paused = openWithBorrower(newPhone());
    assertThat(api.postJson("supervisor1", "/api/cases/" + paused + "/pause", "{\"reason\": \"DISPUTE\"}").statusCode())
        .isEqualTo(200);
    assertThat(assertProblem(api.postJson(ownerOf(paused), "/api/cases/" + paused + "/dial", ""), 409)
        .path("detail").asText()).contains("paused");
    assertProblem(api.get(ownerOf(paused), "/api/cases/" + paused + "/phone"), 409);
    assertThat(jdbc.queryForObject("select count(*) from dial where loan_id in (?, ?)", Integer.class, late, paused))
        .isZero();
  }

  @Test
  void fromTasklistThePageDialsWithTheSessionButACrossSiteFormCannot() {
    String loanId = openWithBorrower(newPhone());
    String owner = ownerOf(loanId);
    Browser tasklist = tasklistLogin(owner);

    HttpResponse<byte[]> page = tasklist.get("/dialler/index.html?loanId=" + loanId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("拨打");

    assertThat(tasklist.postScripted("/api/cases/" + loanId + "/dial").statusCode()).isEqualTo(200);
    assertThat(tasklist.postForm("/api/cases/" + loanId + "/dial").statusCode()).isEqualTo(401);
  }

  private String openWithBorrower(String phone) {
    String loanId = newLoanId();
    HttpResponse<String> opened = api.postJson("loansys", "/api/cases", ContractPayload.example(loanId, phone).toString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    executeJobs(body(opened).path("processInstanceId").asText());
    return loanId;
  }
}
