package com.carloan.overdue.process;

/**
 * The process variables of {@code carLoanOverdue}, named once. These names are public (CONTRACT §1):
 * forms bind to them by key, integrations read them through the REST API.
 *
 * <p>Full phone and ID numbers are deliberately absent: they never become process variables.
 */
public final class CaseVariables {

  public static final String PROCESS_KEY = "carLoanOverdue";

  // case context, set at intake; the timer durations and maxContactAttempts are settings the model reads from
  // CaseSettings, and vehicleStatus and priorOverdueCount reach the assessment as transient variables
  public static final String LOAN_ID = "loanId";
  public static final String BORROWER_NAME = "borrowerName";
  public static final String BORROWER_PHONE_MASKED = "borrowerPhoneMasked";
  // vehiclePlate and vehicleStatus: only on the repossessVehicle task, from loan_case (escalation.VehicleOnTask)
  public static final String VEHICLE_PLATE = "vehiclePlate";
  public static final String VEHICLE_STATUS = "vehicleStatus";
  public static final String OVERDUE_AMOUNT = "overdueAmount";
  // a decision input name only (modelchange.DecisionPreview); the principal stays in loan_case
  public static final String OUTSTANDING_PRINCIPAL = "outstandingPrincipal";
  public static final String DAYS_PAST_DUE = "daysPastDue";
  public static final String PRIOR_OVERDUE_COUNT = "priorOverdueCount";
  public static final String AMOUNT_DUE = "amountDue";
  public static final String AMOUNT_REPAID = "amountRepaid";
  public static final String WECOM_STATE = "wecomState";
  public static final String CASE_NOTES = "caseNotes";
  public static final String TEAM = "team";
  public static final String CASE_OWNER = "caseOwner";
  public static final String BUCKET = "bucket";

  // assessment
  public static final String RISK_LEVEL = "riskLevel";
  public static final String STRATEGY = "strategy";
  public static final String REVIEW_NOTES = "reviewNotes";

  // contact
  public static final String CONTACT_ATTEMPTS = "contactAttempts";
  public static final String CONTACT_RESULT = "contactResult";
  public static final String CALL_NOTES = "callNotes";
  public static final String WECOM_EXTERNAL_USER_ID = "wecomExternalUserId";
  public static final String WECOM_AGENT_USER_ID = "wecomAgentUserId";

  // verification and negotiation
  public static final String IDENTITY_VERIFIED = "identityVerified";
  public static final String OVERDUE_REASON = "overdueReason";
  public static final String WILLING_TO_REPAY = "willingToRepay";
  public static final String VERIFICATION_NOTES = "verificationNotes";
  public static final String NEGOTIATION_OUTCOME = "negotiationOutcome";
  public static final String PLAN_TYPE = "planType";
  public static final String INSTALLMENT_COUNT = "installmentCount";
  public static final String DEFERRAL_DAYS = "deferralDays";
  public static final String FIRST_DUE_DATE = "firstDueDate";
  public static final String NEGOTIATION_NOTES = "negotiationNotes";
  public static final String NEGOTIATED_BY = "negotiatedBy";
  public static final String APPROVAL_REQUIRED = "approvalRequired";
  public static final String PLAN_APPROVED = "planApproved";
  public static final String APPROVAL_COMMENT = "approvalComment";

  // repayment agreement
  public static final String NEXT_INSTALLMENT_CHECK = "nextInstallmentCheck";
  public static final String INSTALLMENT_CHECK = "installmentCheck";
  public static final String BROKEN_PROMISES = "brokenPromises";

  // escalation
  public static final String ESCALATION_REASON = "escalationReason";
  public static final String ESCALATION_ACTION = "escalationAction";
  public static final String ESCALATION_NOTES = "escalationNotes";
  public static final String EVIDENCE_PACK_ID = "evidencePackId";
  public static final String LITIGATION_RESULT = "litigationResult";
  public static final String LITIGATION_NOTES = "litigationNotes";
  public static final String REPOSSESSION_RESULT = "repossessionResult";
  public static final String REPOSSESSION_NOTES = "repossessionNotes";
  public static final String RECOVERED_AMOUNT = "recoveredAmount";

  // the collection record (CONTRACT §5): a structured note as the callBorrower and followUpPromise forms
  // submit it; the note is stored (record.note.CaseNotes) and these variables removed again
  public static final String NOTE_CHANNEL = "noteChannel";
  public static final String NOTE_REACHED = "noteReached";
  public static final String NOTE_PHONE_STATUS = "notePhoneStatus";
  public static final String NOTE_FEEDBACK = "noteFeedback";
  public static final String NOTE_TEXT = "noteText";
  public static final String NOTE_PROMISE_AMOUNT = "notePromiseAmount";
  public static final String NOTE_PROMISE_DATE = "notePromiseDate";
  public static final String NOTE_NEXT_FOLLOW_UP = "noteNextFollowUp";
  // true while the case is paused (停催): its agent tasks are withheld from agents (record.pause.CasePauses)
  public static final String COLLECTION_PAUSED = "collectionPaused";
  // a broken promise, local to its followUpPromise task
  public static final String BROKEN_PROMISE_ID = "brokenPromiseId";
  public static final String BROKEN_PROMISE_AMOUNT = "brokenPromiseAmount";
  public static final String BROKEN_PROMISE_DATE = "brokenPromiseDate";
  public static final String BROKEN_PROMISE_PAID = "brokenPromisePaid";

  // a complaint (投诉), local to its handleComplaint task; the content stays encrypted with the complaint
  public static final String COMPLAINT_ID = "complaintId";
  public static final String COMPLAINT_CHANNEL = "complaintChannel";
  public static final String COMPLAINT_CATEGORY = "complaintCategory";
  public static final String COMPLAINT_RECEIVED_AT = "complaintReceivedAt";
  public static final String COMPLAINT_DUE_DATE = "complaintDueDate";
  public static final String COMPLAINT_RESOLUTION = "complaintResolution";
  public static final String COMPLAINT_RESPONSE = "complaintResponse";

  // a waiver (减免), local to its approveWaiver task; waiverSettles tells the model the approval settled the case
  public static final String WAIVER_ID = "waiverId";
  public static final String WAIVER_KIND = "waiverKind";
  public static final String WAIVER_AMOUNT = "waiverAmount";
  public static final String WAIVER_REASON = "waiverReason";
  public static final String WAIVER_REQUESTED_BY = "waiverRequestedBy";
  public static final String WAIVER_APPROVERS = "waiverApprovers";
  public static final String WAIVER_APPROVED = "waiverApproved";
  public static final String WAIVER_COMMENT = "waiverComment";
  public static final String WAIVER_SETTLES = "waiverSettles";
  public static final String AMOUNT_WAIVED = "amountWaived";

  // end
  public static final String CASE_OUTCOME = "caseOutcome";

  // messages
  public static final String MESSAGE_WECHAT_CONTACT_ADDED = "WeChatContactAdded";
  public static final String MESSAGE_DEBT_SETTLED = "DebtSettled";
  public static final String MESSAGE_PROMISE_BROKEN = "PromiseBroken";
  public static final String MESSAGE_COMPLAINT_RECEIVED = "ComplaintReceived";
  public static final String MESSAGE_WAIVER_REQUESTED = "WaiverRequested";

  private CaseVariables() {}
}
