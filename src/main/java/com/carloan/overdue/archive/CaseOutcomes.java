package com.carloan.overdue.archive;

import java.math.BigDecimal;

/** How a case ended (CONTRACT §1.9): settled wins over any escalation that was under way. */
public final class CaseOutcomes {

  private CaseOutcomes() {}

  public static String decide(BigDecimal amountDue, BigDecimal amountRepaid, String escalationAction) {
    if (amountRepaid.compareTo(amountDue) >= 0) {
      return "SETTLED";
    }
    if (escalationAction == null) {
      throw new IllegalStateException("The case ends unpaid without an escalation decision");
    }
    return switch (escalationAction) {
      case "LEGAL_ACTION" -> "LEGAL_CLOSED";
      case "VEHICLE_REPOSSESSION" -> "VEHICLE_DISPOSED";
      case "WRITE_OFF" -> "WRITTEN_OFF";
      default -> throw new IllegalStateException("The case ends unpaid after escalation action " + escalationAction);
    };
  }
}
