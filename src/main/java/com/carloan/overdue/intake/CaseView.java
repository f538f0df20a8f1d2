package com.carloan.overdue.intake;

import com.carloan.overdue.allocation.OwnershipChange;
import com.carloan.overdue.record.pause.CasePauses;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code GET /api/cases/{loanId}} shows of a case: enough to work it without Tasklist, and never
 * the borrower's full phone or ID number.
 */
record CaseView(
    String loanId,
    String processInstanceId,
    Status status,
    String borrowerName,
    String borrowerPhoneMasked,
    Vehicle vehicle,
    BigDecimal overdueAmount,
    BigDecimal amountDue,
    BigDecimal amountWaived,
    BigDecimal amountRepaid,
    int daysPastDue,
    String bucket,
    String team,
    String caseOwner,
    LocalDate heldUntil,
    String pooled,
    List<OwnershipChange> ownership,
    CasePauses.Paused paused,
    String riskLevel,
    String strategy,
    List<Activity> currentActivities,
    List<OpenTask> openTasks,
    String escalationReason,
    String caseOutcome,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt) {

  enum Status { OPEN, CLOSED }

  record Vehicle(String plate, String status) {}

  /** Where the case is waiting: a task, a timer, a message. */
  record Activity(String id, String name, String type) {}

  record OpenTask(String id, String taskDefinitionKey, String name, String assignee, OffsetDateTime created,
      OffsetDateTime followUp) {}
}
