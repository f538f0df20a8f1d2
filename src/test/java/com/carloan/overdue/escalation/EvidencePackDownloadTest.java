package com.carloan.overdue.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.process.PdfText;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/cases/{loanId}/evidence-pack}: legal staff and supervisors download the PDF, with HTTP
 * Basic or from Tasklist, where the handleLitigation form links to it.
 */
class EvidencePackDownloadTest extends ApiTestSupport {

  private ProcessInstance caseAtLitigation() {
    ProcessInstance pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝"));
    decideEscalation(pi, "LEGAL_ACTION");
    return pi;
  }

  private String path(ProcessInstance pi) {
    return "/api/cases/" + loanId(pi) + "/evidence-pack";
  }

  private static void assertPdf(HttpResponse<byte[]> response, String loanId) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment").contains("filename=\"evidence-pack-" + loanId + "-").endsWith(".pdf\""));
    String sha256 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(Hashes.sha256(response.body())));
    assertThat(response.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + sha256 + ":");
    assertThat(PdfText.of(response.body())).contains("证据材料", loanId);
  }

  @Test
  void legalStaffAndSupervisorsDownloadThePdfAndEachDownloadIsAudited() {
    ProcessInstance pi = caseAtLitigation();
    long packId = ((Number) variable(pi, "evidencePackId")).longValue();

    HttpResponse<byte[]> download = get(path(pi), "legal1");

    assertPdf(download, loanId(pi));
    assertThat(Hashes.sha256(download.body())).isEqualTo(
        jdbc.queryForObject("select content_sha256 from evidence_pack where id = ?", String.class, packId));
    assertPdf(get(path(pi), "supervisor1"), loanId(pi));
    assertThat(jdbc.queryForList("select read_by from communication_read where loan_id = ? and access = 'EVIDENCE_PACK' "
        + "order by id", String.class, loanId(pi))).containsExactly("legal1", "supervisor1");
  }

  @Test
  void healthShowsTheBundledFontUp() {
    HttpResponse<byte[]> health = get("/actuator/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).at("/components/evidencePackFont/status").asText()).isEqualTo("UP");
  }

  @Test
  void nobodyElseDownloadsIt() {
    ProcessInstance pi = caseAtLitigation();

    assertProblem(get(path(pi), "agent1"), 403);
    assertProblem(get(path(pi), "loansys"), 403);
    assertProblem(get(path(pi), null), 401);
  }

  @Test
  void noPackNoDownload() {
    ProcessInstance pi = openWeChatCase();

    assertProblem(get(path(pi), "legal1"), 404);
    assertProblem(get("/api/cases/L-NO-SUCH-LOAN/evidence-pack", "legal1"), 404);
  }

  @Test
  void theLinkInTasklistWorksWithTheWebappLogin() {
    ProcessInstance pi = caseAtLitigation();

    Browser legal = tasklistLogin("legal1");
    assertPdf(legal.get(path(pi)), loanId(pi));
    assertThat(jdbc.queryForObject("select read_by from communication_read where loan_id = ? and access = 'EVIDENCE_PACK'",
        String.class, loanId(pi))).isEqualTo("legal1");

    // the webapp session opens this download only: everything else under /api still asks for Basic
    assertThat(legal.get("/api/cases/" + loanId(pi) + "/communications").statusCode()).isEqualTo(401);
    // and the session's user needs the rights like anyone else
    assertThat(tasklistLogin("agent1").get(path(pi)).statusCode()).isEqualTo(403);
    assertThat(browser().get(path(pi)).statusCode()).isEqualTo(401);
  }
}
