package com.carloan.overdue.record.pause;

import static com.carloan.overdue.process.CaseVariables.COLLECTION_PAUSED;

import com.carloan.overdue.process.AsApplication;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
  private final IdentityService identity;

  PausedCaseJobs(RuntimeService runtime, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void taskCompleted(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(COLLECTION_PAUSED))
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      pending().add(task.getProcessInstanceId());
    }
  }

  private Set<String> pending() {
    @SuppressWarnings("unchecked")
    Set<String> cases = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (cases == null) {
      Set<String> created = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          TransactionSynchronizationManager.unbindResource(PausedCaseJobs.this);
          AsApplication.run(identity, () -> created.forEach(PausedCaseJobs.this::suspendNewJobs));
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PausedCaseJobs.this);
        }
      });
      cases = created;
    }
    return cases;
  }

  private void suspendNewJobs(String processInstanceId) {
    boolean stillPaused = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
        && Boolean.TRUE.equals(runtime.getVariable(processInstanceId, COLLECTION_PAUSED));
    if (!stillPaused) {
      return;
    }
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).active().list()) {
      JobDefinition definition = job.getJobDefinitionId() == null ? null
          : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
      if (definition == null || !ARCHIVE.equals(definition.getActivityId())) {
        management.updateJobSuspensionState().byJobId(job.getId()).suspend();
      }
    }
  }
}
