package com.carloan.overdue.record.pause;

import static com.carloan.overdue.process.CaseVariables.COLLECTION_PAUSED;

import com.carloan.overdue.process.AsApplication;
import com.carloan.overdue.process.BeforeCommit;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A paused case stays still when someone works one of its tasks meanwhile (a supervisor's review, an approval):
 * the jobs that completion created (a timer, a sending step) are suspended with the others when the transaction
 * commits, so they wait for the resume too. The archive step is the exception: a case that a waiver approval
 * settled ends even while paused. Listens to the engine's task events (the Spring Boot starter's event bridge).
 */
@Component
class PausedCaseJobs {

  /** The case's last step, which no pause holds back. */
  static final String ARCHIVE = "archiveCase";

  private final RuntimeService runtime;
  private final ManagementService management;
  private final BeforeCommit suspending;

  PausedCaseJobs(RuntimeService runtime, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.management = management;
    this.suspending = new BeforeCommit(cases -> AsApplication.run(identity, () -> cases.forEach(this::suspendNewJobs)));
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void taskCompleted(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(COLLECTION_PAUSED))
        && BeforeCommit.inTransaction()) {
      suspending.add(task.getProcessInstanceId());
    }
  }

  private void suspendNewJobs(String processInstanceId) {
    boolean stillPaused = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
        && Boolean.TRUE.equals(runtime.getVariable(processInstanceId, COLLECTION_PAUSED));
    if (!stillPaused) {
      return;
    }
    // one look at the archive step's job definitions, not one per job
    Set<String> archive = management.createJobDefinitionQuery().activityIdIn(ARCHIVE).list().stream()
        .map(JobDefinition::getId).collect(Collectors.toSet());
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).active().list()) {
      if (!archive.contains(job.getJobDefinitionId())) {
        management.updateJobSuspensionState().byJobId(job.getId()).suspend();
      }
    }
  }
}
