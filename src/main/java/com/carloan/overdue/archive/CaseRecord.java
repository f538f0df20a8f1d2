package com.carloan.overdue.archive;

import com.carloan.overdue.communication.Communication;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything that happened in a case, in order: what the archive seals and the evidence pack prints. */
public record CaseRecord(
    String loanId,
    String processInstanceId,
    String borrowerName,
    String borrowerPhoneMasked,
    String vehiclePlate,
    BigDecimal amountDue,
    BigDecimal amountRepaid,
    String riskLevel,
    String strategy,
    String escalationReason,
    Instant openedAt,
    Instant creditNoticeAt,
    List<Step> timeline,
    List<Communication> communications,
    String communicationsHead,
    boolean chainVerified) {

  /** A step of the process: who did it, when, and what they decided. */
  public record Step(String activityId, String name, String type, String completedBy, Instant startedAt,
      Instant endedAt, Map<String, Object> decisions) {}
}
