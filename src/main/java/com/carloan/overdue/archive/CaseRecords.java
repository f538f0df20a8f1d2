package com.carloan.overdue.archive;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.payment.Payments;
import com.carloan.overdue.privacy.FieldCipher;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Assembles a {@link CaseRecord} from the engine's history and the application's tables. */
@Service
public class CaseRecords {

  // The steps worth a line in the record; gateways and plain events are left out.
  private static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask",
      "intermediateTimer", "intermediateMessageCatch", "boundaryMessage", "boundaryTimer", "boundaryEscalation",
      "escalationEndEvent", "noneEndEvent");
  // Process-internal bookkeeping that says nothing about a decision.
  private static final Set<String> NOT_DECISIONS = Set.of(CASE_NOTES, NEXT_INSTALLMENT_CHECK, CONTACT_ATTEMPTS);

  private final HistoryService history;
  private final LoanCases cases;
  private final Payments payments;
  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;

  CaseRecords(HistoryService history, LoanCases cases, Payments payments, JdbcTemplate jdbc, FieldCipher cipher) {
    this.history = history;
    this.cases = cases;
    this.payments = payments;
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  public CaseRecord of(LoanCase c, Map<String, Object> variables) {
    return new CaseRecord(c.loanId(), c.processInstanceId(), c.borrowerName(), c.phoneMasked(), c.vehiclePlate(),
        c.overdueAmount(), payments.totalRepaid(c.id()), (String) variables.get(RISK_LEVEL),
        (String) variables.get(STRATEGY), (String) variables.get(ESCALATION_REASON), c.openedAt(), c.creditNoticeAt(),
        timeline(c.processInstanceId()), communications(c.loanId(), c.openedAt()));
  }

  public LoanCase activeCase(String loanId) {
    return cases.requireActive(loanId);
  }

  private List<CaseRecord.Step> timeline(String processInstanceId) {
    Map<String, Map<String, Object>> decisions = new LinkedHashMap<>();
    for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderByTime().asc().list()) {
      HistoricVariableUpdate u = (HistoricVariableUpdate) d;
      if (u.getActivityInstanceId() != null && !NOT_DECISIONS.contains(u.getVariableName())) {
        decisions.computeIfAbsent(u.getActivityInstanceId(), k -> new LinkedHashMap<>()).put(u.getVariableName(), u.getValue());
      }
    }
    Map<String, String> completers = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .list().stream().filter(t -> t.getAssignee() != null)
        .collect(Collectors.toMap(t -> t.getActivityInstanceId(), t -> t.getAssignee(), (a, b) -> b));
    List<CaseRecord.Step> steps = new ArrayList<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
      if (STEP_TYPES.contains(a.getActivityType())) {
        steps.add(new CaseRecord.Step(a.getActivityId(), a.getActivityName(), a.getActivityType(),
            completers.get(a.getId()), instant(a.getStartTime()), instant(a.getEndTime()),
            decisions.getOrDefault(a.getId(), Map.of())));
      }
    }
    return steps;
  }

  private List<CaseRecord.Message> communications(String loanId, Instant openedAt) {
    return jdbc.query("select channel, template, status, coalesce(sent_at, send_after) as at, content_cipher "
            + "from outbound_message where loan_id = ? and created_at >= ? order by id",
        (rs, n) -> new CaseRecord.Message(rs.getString("channel"), rs.getString("template"), rs.getString("status"),
            rs.getTimestamp("at").toInstant(), cipher.decrypt(rs.getString("content_cipher"))),
        loanId, Timestamp.from(openedAt))
        .stream().sorted(Comparator.comparing(CaseRecord.Message::at)).toList();
  }

  private static Instant instant(java.util.Date d) {
    return d == null ? null : d.toInstant();
  }

}
