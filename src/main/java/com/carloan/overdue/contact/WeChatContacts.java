package com.carloan.overdue.contact;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.intake.LoanCases;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The borrower added the company's WeCom account: the case moves on to verification. */
@Service
public class WeChatContacts {

  private final LoanCases cases;
  private final RuntimeService runtime;

  WeChatContacts(LoanCases cases, RuntimeService runtime) {
    this.cases = cases;
    this.runtime = runtime;
  }

  /**
   * @param agentUserId the agent the borrower added, who then gets {@code verifyBorrower}; may be null
   * @throws RequestRejected 404 without an active case, 409 when the case is not waiting for the add;
   *     thrown before anything changed, so it leaves a caller's transaction (the WeCom callback's) usable
   */
  @Transactional(noRollbackFor = RequestRejected.class)
  public void confirm(String loanId, String externalUserId, String agentUserId) {
    var c = cases.findActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    boolean waiting = runtime.createEventSubscriptionQuery()
        .processInstanceId(c.processInstanceId())
        .eventType("message")
        .eventName(MESSAGE_WECHAT_CONTACT_ADDED)
        .count() > 0;
    if (!waiting) {
      throw RequestRejected.conflict("The case of loan " + loanId + " is not waiting for a WeChat contact");
    }
    runtime.createMessageCorrelation(MESSAGE_WECHAT_CONTACT_ADDED)
        .processInstanceId(c.processInstanceId())
        .setVariables(Variables.createVariables()
            .putValue(WECOM_EXTERNAL_USER_ID, externalUserId)
            .putValue(WECOM_AGENT_USER_ID, agentUserId))
        .correlateWithResult();
  }
}
