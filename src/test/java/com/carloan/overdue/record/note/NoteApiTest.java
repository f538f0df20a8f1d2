package com.carloan.overdue.record.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** {@code POST/GET /api/cases/{loanId}/notes} and {@code GET .../promises} (CONTRACT §5), at Tuesday 10:00 in Shanghai. */
class NoteApiTest extends ApiTestSupport {

  private static final String PROMISE_NOTE = """
      {"channel": "PHONE", "reached": "BORROWER", "phoneStatus": "ANSWERED", "feedback": "PROMISE_TO_PAY",
       "text": "借款人称周五发工资后还款", "promise": {"amount": 3000.00, "date": "2026-12-05"},
       "nextFollowUp": "2026-12-02T10:00:00+08:00"}""";

  @Test
  void theOwnersNoteWithAPromiseIsReadBackWithItsTextWhichIsStoredOnlyEncrypted() {
    String loanId = newLoanId();
    openCase(loanId);
    String owner = ownerOf(loanId);

    HttpResponse<String> recorded = api.postJson(owner, "/api/cases/" + loanId + "/notes", PROMISE_NOTE);

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    long noteId = body(recorded).path("noteId").asLong();
    assertThat(noteId).isPositive();
    JsonNode notes = body(api.get("supervisor1", "/api/cases/" + loanId + "/notes"));
    assertThat(notes).hasSize(1);
    JsonNode note = notes.get(0);
    assertThat(note.path("noteId").asLong()).isEqualTo(noteId);
    assertThat(note.path("channel").asText()).isEqualTo("PHONE");
    assertThat(note.path("phoneStatus").asText()).isEqualTo("ANSWERED");
    assertThat(note.path("feedback").asText()).isEqualTo("PROMISE_TO_PAY");
    assertThat(note.path("text").asText()).isEqualTo("借款人称周五发工资后还款");
    assertThat(note.path("recordedBy").asText()).isEqualTo(owner);
    assertThat(note.path("promise").path("amount").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(note.path("promise").path("status").asText()).isEqualTo("OPEN");
    assertThat(jdbc.queryForObject("select text_cipher from case_note where id = ?", String.class, noteId))
        .doesNotContain("借款人", "工资");
    // the read is audited, as a read of the case's communications is
    assertThat(jdbc.queryForObject("select count(*) from communication_read where loan_id = ? and access = 'NOTES' "
        + "and read_by = 'supervisor1'", Integer.class, loanId)).isEqualTo(1);

    JsonNode promises = body(api.get(owner, "/api/cases/" + loanId + "/promises"));
    assertThat(promises).hasSize(1);
    assertThat(promises.get(0).path("promiseId").asLong()).isEqualTo(body(recorded).path("promiseId").asLong());
    assertThat(promises.get(0).path("date").asText()).isEqualTo("2026-12-05");
    assertThat(promises.get(0).path("status").asText()).isEqualTo("OPEN");
    assertThat(promises.get(0).path("paid").decimalValue()).isZero();
    // the earlier notes every form shows name the promise, never the note's text
    assertThat((String) runtime.getVariable(processOf(loanId), "caseNotes"))
        .contains("PROMISE_TO_PAY", "3000", "2026-12-05").doesNotContain("工资");
  }

  @Test
  void everyBrokenRuleIsReportedAtOnceAndNothingIsRecorded() {
    String loanId = newLoanId();
    openCase(loanId);
    String owner = ownerOf(loanId);

    assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"PHONE\", \"reached\": \"BORROWER\", \"feedback\": \"PROMISE_TO_PAY\"}"), 400,
        "phoneStatus", "promise");
    assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"WECHAT\", \"reached\": \"BORROWER\", \"phoneStatus\": \"ANSWERED\", \"feedback\": \"HARDSHIP\", "
            + "\"promise\": {\"amount\": 100, \"date\": \"2026-12-05\"}}"), 400, "phoneStatus", "promise");
    // 30 days from Tuesday 1 December is 31 December; 8,500.00 is due and nothing was paid
    JsonNode problem = assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"VISIT\", \"reached\": \"BORROWER\", \"feedback\": \"PROMISE_TO_PAY\", "
            + "\"promise\": {\"amount\": 8500.01, \"date\": \"2027-01-01\"}, \"nextFollowUp\": \"2026-11-30T10:00:00+08:00\"}"),
        400, "promise.amount", "promise.date", "nextFollowUp");
    assertThat(problem.toString()).contains("8500.00", "2026-12-31");
    assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"FAX\", \"reached\": \"NOBODY\", \"phoneStatus\": \"ANSWERED\", \"feedback\": \"REFUSED\", "
            + "\"text\": 5}"), 400, "channel", "feedback", "text");
    assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"PHONE\", \"reached\": \"BORROWER\", \"phoneStatus\": \"POWERED_OFF\", \"feedback\": \"UNREACHABLE\"}"),
        400, "reached");

    assertThat(jdbc.queryForObject("select count(*) from case_note where loan_id = ?", Integer.class, loanId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from promise_to_pay where loan_id = ?", Integer.class, loanId)).isZero();
    // a promise for today, for everything that is due, is fine
    assertThat(api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"WECHAT\", \"reached\": \"BORROWER\", \"feedback\": \"PROMISE_TO_PAY\", "
            + "\"promise\": {\"amount\": 8500.00, \"date\": \"2026-12-01\"}}").statusCode()).isEqualTo(201);
  }

  @Test
  void aFollowUpInQuietHoursMovesToEightInTheMorningOnTheOwnersTask() {
    String loanId = newLoanId();
    openCase(loanId);
    String owner = ownerOf(loanId);

    HttpResponse<String> recorded = api.postJson(owner, "/api/cases/" + loanId + "/notes",
        "{\"channel\": \"PHONE\", \"reached\": \"NOBODY\", \"phoneStatus\": \"BUSY\", \"feedback\": \"UNREACHABLE\", "
            + "\"nextFollowUp\": \"2026-12-02T22:30:00+08:00\"}");

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    OffsetDateTime eight = OffsetDateTime.parse("2026-12-03T08:00:00+08:00");
    assertThat(OffsetDateTime.parse(body(recorded).path("nextFollowUp").asText())).isEqualTo(eight);
    var call = tasks.createTaskQuery().processInstanceBusinessKey(loanId).taskDefinitionKey("callBorrower").singleResult();
    assertThat(call.getAssignee()).isEqualTo(owner);
    assertThat(call.getFollowUpDate()).isEqualTo(Date.from(eight.toInstant()));
  }

  @Test
  void theOwnerAndSupervisorsWriteNotesTheirReadersReadThem() {
    String loanId = newLoanId();
    openCase(loanId);
    String owner = ownerOf(loanId);
    String colleague = owner.equals("agent1") ? "agent2" : "agent1";
    String note = "{\"channel\": \"SMS\", \"reached\": \"BORROWER\", \"feedback\": \"NEGOTIATING\"}";

    assertProblem(api.postJson(colleague, "/api/cases/" + loanId + "/notes", note), 403);
    assertProblem(api.postJson("legal1", "/api/cases/" + loanId + "/notes", note), 403);
    assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/notes", note), 403);
    assertProblem(api.postJson(owner, "/api/cases/L-NO-SUCH-LOAN/notes", note), 404);
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/notes", note).statusCode()).isEqualTo(201);

    assertThat(api.get(owner, "/api/cases/" + loanId + "/notes").statusCode()).isEqualTo(200);
    assertThat(api.get("legal1", "/api/cases/" + loanId + "/notes").statusCode()).isEqualTo(200);
    assertProblem(api.get(colleague, "/api/cases/" + loanId + "/notes"), 403);
    assertProblem(api.get(colleague, "/api/cases/" + loanId + "/promises"), 403);
    assertProblem(api.get("loansys", "/api/cases/" + loanId + "/notes"), 403);
  }

  private String processOf(String loanId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanId).singleResult().getId();
  }
}
