package com.carloan.overdue.escalation;

import static com.carloan.overdue.process.CaseVariables.LOAN_ID;
import static com.carloan.overdue.process.CaseVariables.VEHICLE_PLATE;
import static com.carloan.overdue.process.CaseVariables.VEHICLE_STATUS;

import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code repossessVehicle}: the vehicle's plate and status, which the case keeps in
 * {@code loan_case} rather than as process variables, become the task's own variables for its form.
 */
@Component("vehicleOnTask")
class VehicleOnTask implements TaskListener {

  private final LoanCases cases;

  VehicleOnTask(LoanCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    LoanCase c = cases.requireActive((String) task.getVariable(LOAN_ID));
    task.setVariableLocal(VEHICLE_PLATE, c.vehiclePlate());
    task.setVariableLocal(VEHICLE_STATUS, c.vehicleStatus());
  }
}
