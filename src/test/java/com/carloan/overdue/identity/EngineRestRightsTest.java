package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Tasklist and Camunda Modeler do through the engine's REST API, per group. */
@IdentityContext
class EngineRestRightsTest {

  private static final String PROBE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probeDefinitions"
          targetNamespace="http://carloan.example/identity-probe">
        <bpmn:process id="%s" name="Identity probe" isExecutable="true"
            camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="probeTask" />
          <bpmn:userTask id="probeTask" name="Probe"
              camunda:candidateGroups="collection-agent,collection-supervisor"
              camunda:formRef="probeForm" camunda:formRefBinding="deployment" />
          <bpmn:sequenceFlow id="toEnd" sourceRef="probeTask" targetRef="end" />
          <bpmn:endEvent id="end" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String PROBE_FORM = """
      {"id": "probeForm", "type": "default", "schemaVersion": 16,
       "components": [{"key": "loanId", "type": "textfield", "label": "Loan", "disabled": true}]}
      """;

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  TestHttp http;
  String deploymentId;
  String taskId;

  @BeforeEach
  void startProbeCase() {
    http = new TestHttp(port);
    deploymentId = repository.createDeployment().name("identity form probe")
        .addString("probe.bpmn", PROBE_BPMN.formatted("identityFormProbe"))
        .addString("probe.form", PROBE_FORM)
        .deploy().getId();
    String instanceId = runtime.startProcessInstanceByKey("identityFormProbe", "L-PROBE-1",
        Map.of("loanId", "L-PROBE-1")).getId();
    taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  @AfterEach
  void removeProbe() {
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void candidateAgentSeesTheTaskItsFormAndVariablesAndWorksIt() {
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=L-PROBE-1", "agent1",
        "agent1").body()).contains(taskId);
    HttpResponse<String> form = http.get("/engine-rest/task/" + taskId + "/form", "agent1",
        "agent1");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("probeForm");
    HttpResponse<String> deployedForm = http.get("/engine-rest/task/" + taskId + "/deployed-form",
        "agent1", "agent1");
    assertThat(deployedForm.statusCode()).isEqualTo(200);
    assertThat(deployedForm.body()).contains("\"loanId\"");
    HttpResponse<String> variables = http.get("/engine-rest/task/" + taskId + "/form-variables",
        "agent1", "agent1");
    assertThat(variables.statusCode()).isEqualTo(200);
    assertThat(variables.body()).contains("L-PROBE-1");

    assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", "agent1",
        "{\"userId\": \"agent1\"}").statusCode()).isEqualTo(204);
    assertThat(http.postJson("/engine-rest/task/" + taskId + "/complete", "agent1", "{}")
        .statusCode()).isEqualTo(204);
  }

  @Test
  void userOutsideTheCandidateGroupsSeesNeitherTaskNorForm() {
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=L-PROBE-1", "legal1",
        "legal1").body()).isEqualTo("[]");
    assertThat(http.get("/engine-rest/task/" + taskId + "/deployed-form", "legal1", "legal1")
        .statusCode()).isEqualTo(403);
    assertThat(http.get("/engine-rest/task/" + taskId + "/form-variables", "loansys", "loansys")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void processOwnerDeploysFromModelerAgentCannot() {
    String bpmn = PROBE_BPMN.formatted("identityDeployProbe");
    assertThat(http.postMultipart("/engine-rest/deployment/create", "agent1", "probe.bpmn", bpmn)
        .statusCode()).isEqualTo(403);

    HttpResponse<String> deployed = http.postMultipart("/engine-rest/deployment/create", "owner1",
        "probe.bpmn", bpmn);

    assertThat(deployed.statusCode()).isEqualTo(200);
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(deployed.body());
    assertThat(id.find()).isTrue();
    assertThat(http.delete("/engine-rest/deployment/" + id.group(1) + "?cascade=true", "owner1")
        .statusCode()).isEqualTo(204);
  }
}
