package com.carloan.overdue.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.process.CaseVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * CONTRACT §6 through HTTP, in a database of its own: these tests deploy new versions of the process, which the
 * other API tests must not start their cases on.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:model-change-tests;DB_CLOSE_DELAY=-1")
class ModelChangeApiTest extends ApiTestSupport {

  private static final String BPMN = "processes/car-loan-overdue.bpmn";
  private static final String DMN = "processes/overdue-strategy.dmn";

  /** One waiting case per kind of wait state, and one at the element the next version removes. */
  private record Waiting(ProcessInstance atCall, ProcessInstance atTimer, ProcessInstance atMessage,
      ProcessInstance atNegotiation, ProcessInstance atReview) {

    List<ProcessInstance> moving() {
      return List.of(atCall, atTimer, atMessage, atNegotiation);
    }
  }

  @Test
  void casesAtATaskATimerAMessageAndInNegotiationMoveAndWalkToTheirEndOnTheNewVersion() {
    int from = deploy(original());
    Waiting w = waitingCases();
    Map<String, Snapshot> before = new LinkedHashMap<>();
    w.moving().forEach(pi -> before.put(pi.getId(), snapshot(pi)));
    int to = deploy(withoutReviewAndRenamedCall());

    JsonNode versions = body(api.get("owner1", "/api/process-versions"));
    JsonNode source = version(versions, from);
    assertThat(source.get("runningCases").asInt()).isEqualTo(5);
    assertThat(source.path("activities").path("callBorrower").asInt()).isEqualTo(1);
    assertThat(source.path("activities").path("reviewAssessment").asInt()).isEqualTo(1);
    assertThat(source.path("deployedAt").asText()).isNotBlank();
    assertThat(version(versions, to).get("runningCases").asInt()).isZero();

    JsonNode dryRun = body(migrate(from, to, true, 200));
    assertThat(dryRun.get("cases").asInt()).isEqualTo(5);
    assertThat(dryRun.get("migratable").asInt()).isEqualTo(4);
    assertThat(dryRun.get("problems")).hasSize(1);
    assertThat(dryRun.at("/problems/0/activityId").asText()).isEqualTo("reviewAssessment");
    assertThat(dryRun.at("/problems/0/cases").asInt()).isEqualTo(1);
    assertThat(dryRun.at("/problems/0/reason").asText()).contains("version " + to, "reviewAssessment");
    assertThat(definitionVersion(w.atCall())).as("a dry run moves nothing").isEqualTo(from);

    String migrationId = body(migrate(from, to, false, 202)).get("migrationId").asText();
    JsonNode running = status(migrationId);
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("migrated").asInt()).isZero();
    migrate(from, to, false, 409);
    assertThat(api.get("owner1", "/engine-rest/batch/" + migrationId).statusCode())
        .as("the owner watches the batch in Cockpit").isEqualTo(200);

    runBatch(migrationId);
    JsonNode done = status(migrationId);
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("migrated").asInt()).isEqualTo(4);
    assertThat(done.get("failed")).hasSize(1);
    assertThat(done.at("/failed/0/loanId").asText()).isEqualTo(w.atReview().getBusinessKey());
    assertThat(done.at("/failed/0/reason").asText()).contains("reviewAssessment");

    for (ProcessInstance pi : w.moving()) {
      assertThat(definitionVersion(pi)).as(pi.getBusinessKey()).isEqualTo(to);
      assertThat(snapshot(pi)).as("what %s kept", pi.getBusinessKey()).isEqualTo(before.get(pi.getId()));
    }
    assertThat(definitionVersion(w.atReview())).isEqualTo(from);
    assertThat(w.atReview()).isWaitingAt("reviewAssessment");

    // each walks on: the renamed call of the new version, the WeCom add, the plan; then every case settles
    fireNextTimer(w.atTimer());
    Task call = task(w.atTimer(), "callBorrower");
    assertThat(repository().getProcessDefinition(call.getProcessDefinitionId()).getVersion()).isEqualTo(to);
    assertThat(repository().getBpmnModelInstance(call.getProcessDefinitionId())
        .<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById("callBorrower").getName())
        .startsWith("Call the borrower (v2)");
    weChatContacts.confirm(loanId(w.atMessage()), "wmExternal02", owner(w.atMessage()));
    executeDueJobs(w.atMessage());
    assertThat(w.atMessage()).isWaitingAt("verifyBorrower");
    agentCompletes(w.atNegotiation(), "negotiatePlan", fullPayment());
    assertThat(w.atNegotiation()).isWaitingAt("installmentDue");
    borrowerAddsWeCom(w.atCall());
    assertThat(w.atCall()).isWaitingAt("verifyBorrower");
    for (ProcessInstance pi : w.moving()) {
      pay(pi, amountDue(pi));
      assertEnded(pi, "SETTLED");
      assertThat(pi).hasPassed("archiveCase");
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getProcessDefinitionVersion()).isEqualTo(to);
    }
    // the history of each case is one instance, not a copy per version
    for (ProcessInstance pi : w.moving()) {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(pi.getBusinessKey()).count())
          .isEqualTo(1);
    }
  }

  @Test
  void versionsThatCannotBeMappedAndVersionsWithNothingToMoveAreRefused() {
    int from = deploy(original());
    ProcessInstance atReview = openCase(15, "8500.00", 3, "NORMAL");
    assertThat(atReview).isWaitingAt("reviewAssessment");
    int to = deploy(withoutReviewAndRenamedCall());

    JsonNode dryRun = body(migrate(from, to, true, 200));
    assertThat(dryRun.get("cases").asInt()).isEqualTo(1);
    assertThat(dryRun.get("migratable").asInt()).isZero();
    assertProblem(migrate(from, to, false, 409), 409);
    assertThat(definitionVersion(atReview)).isEqualTo(from);
    assertThat(jdbc.queryForObject("select count(*) from case_migration where source_definition_id = ?", Integer.class,
        atReview.getProcessDefinitionId())).as("a refused migration leaves no record").isZero();
  }

  @Test
  void badMigrationRequestsAreRefusedWithEveryReason() {
    long batches = management.createBatchQuery().count();
    assertProblem(api.postJson("owner1", "/api/process-versions/migrations", "{}"), 400, "fromVersion", "toVersion");
    assertProblem(api.postJson("owner1", "/api/process-versions/migrations",
        "{\"fromVersion\": \"one\", \"toVersion\": 1.5}"), 400, "fromVersion", "toVersion");
    assertProblem(api.postJson("owner1", "/api/process-versions/migrations",
        "{\"fromVersion\": 1, \"toVersion\": 1}"), 400, "toVersion");
    assertProblem(api.postJson("owner1", "/api/process-versions/migrations",
        "{\"fromVersion\": 900, \"toVersion\": 901, \"dryRun\": false}"), 400, "fromVersion", "toVersion");
    assertProblem(api.postJson("owner1", "/api/process-versions/migrations",
        "{\"fromVersion\": 1, \"toVersion\": 2, \"dryRun\": \"no\"}"), 400, "dryRun");
    assertProblem(api.get("owner1", "/api/process-versions/migrations/no-such-batch"), 404);
    assertThat(management.createBatchQuery().count()).as("no batch was created").isEqualTo(batches);
  }

  @Test
  void aChangedThresholdMovesExactlyTheCasesItShould() {
    List<String> shortSlips = List.of(openCase(8, "3000.00", 0, "NORMAL"), openCase(9, "3000.00", 0, "NORMAL"),
        openCase(10, "3000.00", 0, "NORMAL")).stream().map(ProcessInstance::getBusinessKey).toList();
    openCase(11, "3000.00", 0, "NORMAL");
    openCase(5, "3000.00", 0, "NORMAL");
    long before = history.createHistoricDecisionInstanceQuery().count();

    HttpResponse<String> response = preview(dmn().replace("&lt;=7", "&lt;=10"), "?days=30");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = body(response);
    assertThat(result.get("evaluated").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(result.get("changed").asInt()).as(result.toString()).isEqualTo(shortSlips.size());
    assertThat(result.get("transitions")).hasSize(1);
    assertThat(result.at("/transitions/0/from").asText()).isEqualTo("WECHAT_CONTACT");
    assertThat(result.at("/transitions/0/to").asText()).isEqualTo("REMINDER");
    assertThat(result.at("/transitions/0/cases").asInt()).isEqualTo(3);

    JsonNode unchanged = body(preview(dmn(), ""));
    assertThat(unchanged.get("evaluated").asInt()).isEqualTo(result.get("evaluated").asInt());
    assertThat(unchanged.get("changed").asInt()).isZero();
    assertThat(unchanged.get("transitions")).isEmpty();

    assertThat(history.createHistoricDecisionInstanceQuery().count()).as("a preview leaves no history").isEqualTo(before);
    assertThat(repository().createDecisionDefinitionQuery().decisionDefinitionKey("overdueStrategy").count())
        .as("nothing is deployed").isEqualTo(1);
  }

  @Test
  void casesOpenedBeforeTheWindowAreNotEvaluated() {
    openCase(12, "3000.00", 0, "NORMAL");
    JsonNode today = body(preview(dmn().replace("&lt;=7", "&lt;=12"), "?days=1"));
    assertThat(today.get("changed").asInt()).isPositive();
    advance(java.time.Duration.ofDays(3));
    JsonNode lastDay = body(preview(dmn().replace("&lt;=7", "&lt;=12"), "?days=1"));
    assertThat(lastDay.get("evaluated").asInt()).isZero();
    assertThat(lastDay.get("changed").asInt()).isZero();
  }

  @Test
  void anInvalidDecisionIsRefusedWithTheParsersReason() {
    assertProblem(preview("<definitions>not a decision", ""), 400, "body");
    JsonNode notDmn = assertProblem(preview("<?xml version=\"1.0\"?><invoice/>", ""), 400, "body");
    assertThat(notDmn.at("/errors/0/message").asText()).startsWith("is not a valid DMN");
    assertProblem(preview(dmn().replace("id=\"overdueStrategy\"", "id=\"otherDecision\""), ""), 400, "body");
    assertProblem(preview(dmn().replace("&lt;=7", "&lt;=&lt;7"), ""), 400, "body");
    assertProblem(preview(dmn().replace("<text>daysPastDue</text>", "<text>daysSinceDue</text>"), ""), 400, "body");
    assertProblem(preview(dmn(), "?days=0"), 400, "days");
    assertProblem(preview(dmn(), "?days=many"), 400, "days");
    String external = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"&x;\" namespace=\"n\"/>";
    HttpResponse<String> xxe = preview(external, "");
    assertProblem(xxe, 400, "body");
    assertThat(xxe.body()).doesNotContain("root:");
    assertProblem(api.post("owner1", "/api/decisions/overdueStrategy/preview", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8)), 415);
    byte[] large = (dmn() + "<!--" + "x".repeat(1_100_000) + "-->").getBytes(StandardCharsets.UTF_8);
    assertProblem(api.post("owner1", "/api/decisions/overdueStrategy/preview", "application/xml", large), 413);
  }

  @Test
  void onlyProcessOwnersAndAdminsChangeTheModel() {
    for (String user : List.of("agent1", "supervisor1", "manager1", "legal1", "loansys")) {
      assertProblem(api.get(user, "/api/process-versions"), 403);
      assertProblem(api.postJson(user, "/api/process-versions/migrations",
          "{\"fromVersion\": 1, \"toVersion\": 2, \"dryRun\": true}"), 403);
      assertProblem(api.get(user, "/api/process-versions/migrations/any"), 403);
      assertProblem(api.post(user, "/api/decisions/overdueStrategy/preview", "application/xml",
          dmn().getBytes(StandardCharsets.UTF_8)), 403);
    }
    assertThat(api.get("admin", "/api/process-versions").statusCode()).isEqualTo(200);
    assertThat(api.get("owner1", "/api/process-versions").statusCode()).isEqualTo(200);
    assertProblem(api.get(null, "/api/process-versions"), 401);
  }

  // ---- the cases and the versions

  private Waiting waitingCases() {
    ProcessInstance atCall = openWeChatCase();
    assertThat(atCall).isWaitingAt("callBorrower");
    ProcessInstance atTimer = openCase(3, "2000.00", 0, "NORMAL");
    assertThat(atTimer).isWaitingAt("reminderWaitOver");
    ProcessInstance atMessage = openWeChatCase();
    agentCompletes(atMessage, "callBorrower", Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "同意添加"));
    assertThat(atMessage).isWaitingAt("awaitWeChatAdd");
    ProcessInstance atNegotiation = caseAtNegotiation();
    ProcessInstance atReview = openCase(15, "8500.00", 3, "NORMAL");
    assertThat(atReview).isWaitingAt("reviewAssessment");
    return new Waiting(atCall, atTimer, atMessage, atNegotiation, atReview);
  }

  /** What a migrated case must keep: its variables, its tasks and who holds them, its timers, its owner, its history. */
  private record Snapshot(Map<String, Object> variables, Map<String, String> taskAssignees, Map<String, Date> timers,
      String owner, long historicActivities) {}

  private Snapshot snapshot(ProcessInstance pi) {
    Map<String, Object> variables = new java.util.TreeMap<>(runtime.getVariables(pi.getId()));
    Map<String, String> assignees = new java.util.TreeMap<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
      assignees.put(t.getId() + " " + t.getTaskDefinitionKey(), String.valueOf(t.getAssignee()));
    }
    Map<String, Date> timers = new java.util.TreeMap<>();
    for (Job j : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
      timers.put(j.getId(), j.getDuedate());
    }
    return new Snapshot(variables, assignees, timers, ownerOf(pi.getBusinessKey()),
        history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count());
  }

  private int definitionVersion(ProcessInstance pi) {
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId();
    return repository().getProcessDefinition(definitionId).getVersion();
  }

  private String amountDue(ProcessInstance pi) {
    Object due = runtime.getVariable(pi.getId(), CaseVariables.AMOUNT_DUE);
    return BigDecimal.valueOf(((Number) due).doubleValue()).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** Runs the migration as the job executor would: the seed job, then each migration job. */
  private void runBatch(String migrationId) {
    Batch batch = management.createBatchQuery().batchId(migrationId).singleResult();
    management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()
        .forEach(job -> management.executeJob(job.getId()));
    List<Job> jobs = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list();
    assertThat(jobs).as("one job per case").hasSize(4);
    jobs.forEach(job -> management.executeJob(job.getId()));
  }

  private int deploy(String bpmn) {
    String deploymentId = repository().createDeployment().name("model-change-test")
        .addString(BPMN, bpmn).deploy().getId();
    ProcessDefinition definition = repository().createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    return definition.getVersion();
  }

  private org.camunda.bpm.engine.RepositoryService repository() {
    return engine.getRepositoryService();
  }

  private static String original() {
    return resource(BPMN);
  }

  /** The next version: {@code reviewAssessment} gone (replaced by another task), {@code callBorrower} renamed. */
  private static String withoutReviewAndRenamedCall() {
    String bpmn = original();
    for (String attribute : List.of("id", "sourceRef", "targetRef", "bpmnElement")) {
      bpmn = bpmn.replace(attribute + "=\"reviewAssessment\"", attribute + "=\"reviewStrategy\"");
    }
    String renamed = bpmn.replace("name=\"Call the borrower ", "name=\"Call the borrower (v2) ");
    assertThat(renamed).isNotEqualTo(bpmn).doesNotContain("id=\"reviewAssessment\"");
    return renamed;
  }

  private static String dmn() {
    return resource(DMN);
  }

  private static String resource(String name) {
    try (InputStream in = ModelChangeApiTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> migrate(int from, int to, boolean dryRun, int status) {
    HttpResponse<String> response = api.postJson("owner1", "/api/process-versions/migrations",
        "{\"fromVersion\": " + from + ", \"toVersion\": " + to + ", \"dryRun\": " + dryRun + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private JsonNode status(String migrationId) {
    HttpResponse<String> response = api.get("owner1", "/api/process-versions/migrations/" + migrationId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private HttpResponse<String> preview(String dmn, String query) {
    return api.post("owner1", "/api/decisions/overdueStrategy/preview" + query, "application/xml",
        dmn.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode version(JsonNode versions, int version) {
    for (JsonNode v : versions) {
      if (v.get("version").asInt() == version) {
        return v;
      }
    }
    throw new AssertionError("no version " + version + " in " + versions);
  }
}
