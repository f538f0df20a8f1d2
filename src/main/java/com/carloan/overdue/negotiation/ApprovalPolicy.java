package com.carloan.overdue.negotiation;

/** Four eyes: a long plan needs a supervisor's approval (CONTRACT §1.5). */
public record ApprovalPolicy(int maxInstallmentsWithoutApproval, int maxDeferralDaysWithoutApproval) {

  public boolean needsApproval(PlanTerms terms) {
    return terms.installmentCount() > maxInstallmentsWithoutApproval
        || terms.deferralDays() > maxDeferralDaysWithoutApproval;
  }
}
