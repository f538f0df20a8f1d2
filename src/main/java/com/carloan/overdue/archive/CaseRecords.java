package com.carloan.overdue.archive;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.payment.Payments;
import com.carloan.overdue.record.complaint.Complaints;
import com.carloan.overdue.record.note.CaseNotes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
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
  private final CommunicationLog communications;
  private final CaseOwners owners;
  private final CaseNotes notes;
  private final Complaints complaints;

  CaseRecords(HistoryService history, LoanCases cases, Payments payments, CommunicationLog communications,
      CaseOwners owners, CaseNotes notes, Complaints complaints) {
    this.owners = owners;
    this.notes = notes;
    this.complaints = complaints;
    this.history = history;
    this.cases = cases;
    this.payments = payments;
    this.communications = communications;
  }

  public CaseRecord of(LoanCase c, Map<String, Object> variables) {
    List<Communication> messages = communications.list(c.id());
    var chain = communications.verify(c.loanId(), messages);
    return new CaseRecord(c.loanId(), c.processInstanceId(), c.borrowerName(), c.phoneMasked(), c.vehiclePlate(),
        c.amountDue(), c.amountWaived(), payments.totalRepaid(c.id()), (String) variables.get(RISK_LEVEL),
        (String) variables.get(STRATEGY), (String) variables.get(ESCALATION_REASON), c.openedAt(), c.creditNoticeAt(),
        timeline(c.processInstanceId()), messages, chain.head(), chain.verified(), owners.history(c.id()),
        notes.list(c.id()), complaints.list(c.id()));
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
        .collect(java.util.stream.Collectors.toMap(t -> t.getActivityInstanceId(), t -> t.getAssignee(), (a, b) -> b));
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


  private static Instant instant(java.util.Date d) {
    return d == null ? null : d.toInstant();
  }

}
