package com.carloan.overdue.contact;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Whether an agent id names a user of this application, who could then be given the case's task. */
@Component
class Agents {

  private final IdentityService identity;

  Agents(IdentityService identity) {
    this.identity = identity;
  }

  boolean exists(String userId) {
    return userId != null && identity.createUserQuery().userId(userId).count() > 0;
  }
}
