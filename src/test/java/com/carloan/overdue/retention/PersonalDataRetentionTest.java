package com.carloan.overdue.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.archive.CaseArchive;
import com.carloan.overdue.archive.CaseArchives;
import com.carloan.overdue.archive.CaseRecord;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.escalation.EvidencePacks;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.process.ProcessTestSupport;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Retention: with the clock past the retention period, the job erases the personal data of an
 * old closed case, and nothing else: not what the law still asks for, not a recent case, not an open one.
 */
class PersonalDataRetentionTest extends ProcessTestSupport {

  private static final List<String> PERSONAL_CASE_COLUMNS = List.of("borrower_name", "borrower_key", "phone_cipher",
      "phone_masked", "id_number_cipher", "vehicle_plate", "vehicle_vin");

  @Autowired PersonalDataRetention retention;
  @Autowired CaseArchives archives;
  @Autowired EvidencePacks packs;
  @Autowired LoanCases cases;
  @Autowired FieldCipher cipher;
  @Autowired RepositoryService repository;
  @Value("${collections.retention.period}") Duration period;

  /** Refused, escalated to court, closed by the court: a case with every kind of personal data. */
  private ProcessInstance courtCase() {
    ProcessInstance pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "借款人张三拒绝，称车在京A12345"));
    decideEscalation(pi, "LEGAL_ACTION");
    legalCompletes(pi, "handleLitigation", Map.of("litigationResult", "JUDGMENT_ENFORCED", "recoveredAmount", 6000.0,
        "litigationNotes", "张三名下车辆已拍卖"));
    outbox.dispatchDue();
    assertEnded(pi, "LEGAL_CLOSED");
    return pi;
  }

  private LoanCase caseOf(ProcessInstance pi) {
    return cases.findLatest(loanId(pi)).orElseThrow();
  }

  private Map<String, Object> caseRow(ProcessInstance pi) {
    return jdbc.queryForMap("select * from loan_case where loan_id = ?", loanId(pi));
  }

  private Map<String, Object> archiveRow(ProcessInstance pi) {
    return jdbc.queryForMap("select * from case_archive where loan_id = ?", loanId(pi));
  }

  private List<Map<String, Object>> rows(String table, ProcessInstance pi) {
    return jdbc.queryForList("select * from " + table + " where loan_id = ? order by id", loanId(pi));
  }

  private static <M extends Map<String, Object>> M without(M row, List<String> columns) {
    columns.forEach(row::remove);
    return row;
  }

  @Test
  void oldClosedCaseLosesItsPersonalDataAndKeepsWhatTheLawNeeds() {
    ZonedDateTime closedLongAgo = now();
    ProcessInstance old = courtCase();
    CaseArchive sealed = archives.find(caseOf(old)).orElseThrow();
    Map<String, Object> oldCase = caseRow(old);
    Map<String, Object> oldArchive = archiveRow(old);
    List<Map<String, Object>> oldMessages = rows("communication", old);
    List<Map<String, Object>> oldOutbox = rows("outbound_message", old);

    setClock(closedLongAgo.plusYears(4));
    ProcessInstance recent = openCase(5, "3000.00", 0, "NORMAL");
    pay(recent, "3000.00");
    assertEnded(recent, "SETTLED");
    ProcessInstance open = openWeChatCase();
    Map<String, Object> recentCase = caseRow(recent);
    Map<String, Object> recentArchive = archiveRow(recent);
    Map<String, Object> openCase = caseRow(open);
    List<List<Map<String, Object>>> untouchedMessages = List.of(rows("communication", recent), rows("communication", open));

    setClock(closedLongAgo.plus(period).plusHours(1));
    retention.eraseExpired();

    // the old case: name, phone, ID number, vehicle gone; loan, amounts, dates, outcome, notice date kept
    Map<String, Object> erasedCase = caseRow(old);
    PERSONAL_CASE_COLUMNS.forEach(column -> assertThat(erasedCase.get(column)).as(column).isNull());
    assertThat(erasedCase.get("erased_at")).isNotNull();
    List<String> erasedColumns = new java.util.ArrayList<>(PERSONAL_CASE_COLUMNS);
    erasedColumns.add("erased_at");
    assertThat(without(caseRow(old), erasedColumns)).isEqualTo(without(oldCase, erasedColumns));
    assertThat(erasedCase.get("case_outcome")).isEqualTo("LEGAL_CLOSED");
    assertThat(erasedCase.get("credit_notice_at")).isNotNull();

    // communications: content gone, who/when/hashes kept
    List<Map<String, Object>> erasedMessages = rows("communication", old);
    assertThat(erasedMessages).allSatisfy(m -> assertThat(m.get("content_cipher")).isNull());
    assertThat(erasedMessages).hasSameSizeAs(oldMessages);
    for (int i = 0; i < oldMessages.size(); i++) {
      assertThat(without(erasedMessages.get(i), List.of("content_cipher")))
          .isEqualTo(without(oldMessages.get(i), List.of("content_cipher")));
    }
    // the SMS outbox and the gateways: numbers and texts gone, that and when a message went kept
    List<Map<String, Object>> erasedOutbox = rows("outbound_message", old);
    assertThat(erasedOutbox).extracting(m -> m.get("template"))
        .containsExactlyElementsOf(oldOutbox.stream().map(m -> m.get("template")).toList()).contains("CREDIT_REPORT_NOTICE");
    assertThat(erasedOutbox).allSatisfy(m -> {
      assertThat(m.get("recipient_cipher")).isNull();
      assertThat(m.get("content_cipher")).isNull();
      assertThat(m.get("status")).isEqualTo("SENT");
    });
    assertThat(jdbc.queryForList("select payload_cipher from gateway_record where loan_id = ?", loanId(old)))
        .isNotEmpty().allSatisfy(m -> assertThat(m.get("payload_cipher")).isNull());
    assertThat(jdbc.queryForList("select borrower_key from contact_attempt where loan_id = ?", String.class, loanId(old)))
        .isNotEmpty().containsOnlyNulls();

    // the evidence pack: the PDF gone, its hashes kept
    EvidencePacks.Pack pack = packs.latest(caseOf(old).id()).orElseThrow();
    assertThat(pack.erased()).isTrue();
    assertThat(pack.sha256()).matches("[0-9a-f]{64}");

    // the archive: same outcome, amounts, dates and sealed hash; no personal data; still proves its linkage
    Map<String, Object> erasedArchive = archiveRow(old);
    List<String> rewritten = List.of("record_cipher", "erased_at", "erased_sha256");
    assertThat(without(erasedArchive, rewritten)).isEqualTo(without(oldArchive, rewritten));
    String erasedText = cipher.decrypt(jdbc.queryForObject("select record_cipher from case_archive where loan_id = ?",
        String.class, loanId(old)));
    assertThat(erasedText).contains(loanId(old), "LEGAL_CLOSED", "JUDGMENT_ENFORCED", "CONTACT_REFUSED")
        .doesNotContain("张三", "京A12345", "****", "拒绝，称", "拍卖", "您好");

    CaseArchive archive = archives.find(caseOf(old)).orElseThrow();
    assertThat(archive.erased()).isTrue();
    assertThat(archive.chainVerified()).isTrue();
    assertThat(archive.verification().scope()).isEqualTo(CaseArchive.Scope.HASH_LINKAGE);
    assertThat(archive.evidenceHash()).isEqualTo(sealed.evidenceHash());
    assertThat(archive.caseOutcome()).isEqualTo("LEGAL_CLOSED");
    assertThat(archive.amountDue()).isEqualByComparingTo("8500.00");
    assertThat(archive.amountRepaid()).isEqualByComparingTo("0");
    assertThat(archive.closedAt()).isEqualTo(sealed.closedAt());
    assertThat(archive.chainHead()).isEqualTo(sealed.chainHead());
    CaseRecord record = archive.record();
    assertThat(record.borrowerName()).isNull();
    assertThat(record.borrowerPhoneMasked()).isNull();
    assertThat(record.vehiclePlate()).isNull();
    assertThat(record.creditNoticeAt()).isEqualTo(sealed.record().creditNoticeAt());
    assertThat(record.openedAt()).isEqualTo(sealed.record().openedAt());
    assertThat(archive.communications()).extracting(Communication::content).containsOnlyNulls();
    assertThat(archive.communications()).extracting(Communication::hash)
        .containsExactlyElementsOf(sealed.communications().stream().map(Communication::hash).toList());
    CaseRecord.Step call = record.timeline().stream().filter(s -> s.activityId().equals("callBorrower")).findFirst().orElseThrow();
    assertThat(call.completedBy()).isEqualTo(owner(old));
    // who held the case stays; a supervisor's free-text reason goes
    assertThat(record.ownership()).isNotEmpty().allSatisfy(change -> assertThat(change.reason()).isNull());
    assertThat(record.ownership().get(0).toAgent()).isEqualTo(owner(old));
    assertThat(call.decisions()).containsEntry("contactResult", "REFUSED").containsEntry("callNotes", null);
    CaseRecord.Step court = record.timeline().stream().filter(s -> s.activityId().equals("handleLitigation")).findFirst().orElseThrow();
    assertThat(court.decisions()).containsEntry("litigationResult", "JUDGMENT_ENFORCED").containsEntry("litigationNotes", null);
    assertThat(((Number) court.decisions().get("recoveredAmount")).doubleValue()).isEqualTo(6000.0);

    // the recent closed case and the open case: untouched
    assertThat(caseRow(recent)).isEqualTo(recentCase);
    assertThat(archiveRow(recent)).isEqualTo(recentArchive);
    assertThat(caseRow(open)).isEqualTo(openCase);
    assertThat(List.of(rows("communication", recent), rows("communication", open))).isEqualTo(untouchedMessages);
    assertThat(archives.find(caseOf(recent)).orElseThrow().record().borrowerName()).isEqualTo("张三");

    // a second run finds nothing more to do for this case
    Object erasedAt = archiveRow(old).get("erased_at");
    advance(Duration.ofDays(1));
    retention.eraseExpired();
    assertThat(archiveRow(old).get("erased_at")).isEqualTo(erasedAt);
  }

  @Test
  void anErasedArchiveStillShowsAChangedHash() {
    ZonedDateTime closedLongAgo = now();
    ProcessInstance old = courtCase();
    setClock(closedLongAgo.plus(period).plusMinutes(1));
    retention.eraseExpired();
    assertThat(archives.find(caseOf(old)).orElseThrow().chainVerified()).isTrue();

    jdbc.update("update communication set prev_hash = ? where case_id = ? and seq = 2", "0".repeat(64), caseOf(old).id());

    CaseArchive archive = archives.find(caseOf(old)).orElseThrow();
    assertThat(archive.chainVerified()).isFalse();
    assertThat(archive.verification().firstBrokenSeq()).isEqualTo(2);
  }

  @Test
  void nothingIsErasedADayBeforeThePeriodEnds() {
    ZonedDateTime closedAt = now();
    ProcessInstance pi = courtCase();
    Map<String, Object> before = caseRow(pi);

    setClock(closedAt.plus(period).minusDays(1));
    retention.eraseExpired();

    assertThat(caseRow(pi)).isEqualTo(before);
    assertThat(archives.find(caseOf(pi)).orElseThrow().erased()).isFalse();
  }

  @Test
  void camundaHistoryIsRemovedAfterTheSamePeriod() {
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("carLoanOverdue").latestVersion()
        .singleResult().getHistoryTimeToLive()).isEqualTo((int) period.toDays());
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("overdueStrategy").latestVersion()
        .singleResult().getHistoryTimeToLive()).isEqualTo((int) period.toDays());

    ProcessInstance pi = openCase(5, "3000.00", 0, "NORMAL");
    pay(pi, "3000.00");

    HistoricProcessInstance closed = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult();
    assertThat(closed.getRemovalTime()).isEqualTo(Date.from(closed.getEndTime().toInstant().plus(period)));
  }
}
