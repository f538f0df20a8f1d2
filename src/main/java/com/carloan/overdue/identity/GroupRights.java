package com.carloan.overdue.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import com.carloan.overdue.process.CaseVariables;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * What each group of CONTRACT §3 may do in the engine and the webapps. Granted to groups, never to
 * users, so an administrator grants rights by adding someone to a group. Integration gets nothing:
 * it uses {@code /api} only.
 */
final class GroupRights {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private GroupRights() {
  }

  static Grants all() {
    Grants grants = new Grants();
    for (Resources resource : Resources.values()) {
      grants.grant(CollectionGroups.ADMIN, resource, ANY, ALL);
    }
    taskWorker(grants, CollectionGroups.AGENT);
    taskWorker(grants, CollectionGroups.LEGAL);
    supervisor(grants, CollectionGroups.SUPERVISOR);
    supervisor(grants, CollectionGroups.MANAGER);
    processOwner(grants);
    return grants;
  }

  // A task's candidate group already gets READ and TASK_WORK on that task from the engine
  // (defaultUserPermissionNameForTask), which is all /task/{id}/form, /deployed-form and
  // /form-variables check. Reading the process definition adds its name and diagram in Tasklist.
  private static void taskWorker(Grants grants, String group) {
    grants.grant(group, APPLICATION, TASKLIST, ACCESS)
        .grant(group, PROCESS_DEFINITION, CaseVariables.PROCESS_KEY, ProcessDefinitionPermissions.READ);
  }

  // Cockpit, read only: no UPDATE, DELETE, migration or job retries. Managers read what supervisors read.
  private static void supervisor(Grants grants, String group) {
    grants.grant(group, APPLICATION, TASKLIST, ACCESS)
        .grant(group, APPLICATION, COCKPIT, ACCESS)
        .grant(group, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_INSTANCE)
        .grant(group, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ)
        // reassigning a task in Tasklist moves its case to that agent (allocation.OwnerAssignment); an owned
        // case's agent tasks carry no group's grant (allocation.TaskGrants), so this is how supervisors see them
        .grant(group, TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN)
        // Tasklist looks the new assignee up (GET /user?id=…) and keeps the old one when it finds no one
        .grant(group, USER, ANY, READ)
        .grant(group, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ)
        .grant(group, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ)
        .grant(group, DECISION_DEFINITION, ANY, READ)
        .grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
  }

  // Deploying from Camunda Modeler to /engine-rest/deployment/create and owning the definitions in
  // Cockpit (ALL on a definition includes suspending or migrating its instances). Migrations start through
  // /api/process-versions/migrations (modelchange); their batches can be watched in Cockpit.
  private static void processOwner(Grants grants) {
    String group = CollectionGroups.PROCESS_OWNER;
    grants.grant(group, APPLICATION, COCKPIT, ACCESS)
        .grant(group, DEPLOYMENT, ANY, CREATE, READ, DELETE)
        .grant(group, PROCESS_DEFINITION, ANY, ALL)
        .grant(group, DECISION_DEFINITION, ANY, ALL)
        .grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL)
        .grant(group, BATCH, ANY, READ)
        .grant(group, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ)
        .grant(group, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ)
        .grant(group, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
  }
}
