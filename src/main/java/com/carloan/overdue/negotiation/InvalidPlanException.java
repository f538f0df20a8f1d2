package com.carloan.overdue.negotiation;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** Refuses to complete {@code negotiatePlan} with terms that cannot be scheduled; Tasklist shows the message. */
public class InvalidPlanException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidPlanException(List<String> problems) {
    super("The repayment plan is invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
