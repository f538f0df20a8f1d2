package com.carloan.overdue.operations;

import java.util.Map;

/** Chinese and English names of the contract's outcomes, escalation reasons and queues, for people. */
final class Labels {

  record Label(String zh, String en) {}

  static final Map<String, Label> OUTCOMES = Map.of(
      "SETTLED", new Label("已结清", "Settled"),
      "LEGAL_CLOSED", new Label("法律程序结案", "Closed by court"),
      "VEHICLE_DISPOSED", new Label("车辆处置", "Vehicle disposed"),
      "WRITTEN_OFF", new Label("核销", "Written off"));

  static final Map<String, Label> ESCALATION_REASONS = Map.of(
      "HIGH_RISK", new Label("高风险", "High risk"),
      "SUPERVISOR_DECISION", new Label("主管决定", "Supervisor decision"),
      "CONTACT_REFUSED", new Label("拒绝添加", "Contact refused"),
      "NO_CONTACT", new Label("无法联系", "No contact"),
      "IDENTITY_UNVERIFIED", new Label("身份未核实", "Identity unverified"),
      "UNWILLING", new Label("无还款意愿", "Unwilling"),
      "NEGOTIATION_FAILED", new Label("协商失败", "Negotiation failed"),
      "NO_RESPONSE", new Label("无回应", "No response"),
      "BROKEN_PROMISE", new Label("违约", "Broken promise"));

  static final Map<String, Label> GROUPS = Map.of(
      // agent tasks are candidates of their case's team (CONTRACT §4)
      "team-m1", new Label("M1 组", "Team M1"),
      "team-m2", new Label("M2 组", "Team M2"),
      "team-m3", new Label("M3 组", "Team M3"),
      "collection-supervisor", new Label("催收主管", "Supervisors"),
      "legal-officer", new Label("法务", "Legal officers"));

  private Labels() {}

  static Label of(Map<String, Label> labels, String key) {
    return labels.getOrDefault(key, new Label(key, key));
  }
}
