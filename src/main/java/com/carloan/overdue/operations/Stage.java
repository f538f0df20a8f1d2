package com.carloan.overdue.operations;

import java.util.List;

/**
 * The lifecycle stages of an open case (CONTRACT §1), in process order, with the activities of
 * {@code carLoanOverdue} at which a case waits or works in each. A case that sits in two places at
 * once (never in this model, but possible after a migration) counts in the later stage.
 */
enum Stage {
  ASSESSMENT("内部评估", "Assessment", "assessCase", "reviewAssessment"),
  REMINDER("短信提醒", "Reminder", "sendPaymentReminder", "reminderWaitOver"),
  CONTACT("要求加企业微信", "WeCom contact", "requestWeChatContact", "callBorrower", "awaitWeChatAdd",
      "weChatContactAdded", "contactWaitOver"),
  VERIFICATION("信息核实", "Verification", "verifyBorrower"),
  NEGOTIATION("协商", "Negotiation", "negotiatePlan"),
  APPROVAL("方案审批", "Approval", "approvePlan"),
  AGREEMENT("还款协议", "Agreement", "recordAgreement", "installmentDue", "checkInstallments"),
  ESCALATION("升级催收", "Escalation", "notifyCreditReport", "reviewEscalation"),
  LEGAL("法律程序", "Legal", "compileEvidencePack", "handleLitigation", "repossessVehicle");

  final String zh;
  final String en;
  final List<String> activityIds;

  Stage(String zh, String en, String... activityIds) {
    this.zh = zh;
    this.en = en;
    this.activityIds = List.of(activityIds);
  }

  String key() {
    return name().toLowerCase();
  }
}
