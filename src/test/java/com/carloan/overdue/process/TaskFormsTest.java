package com.carloan.overdue.process;

import static com.carloan.overdue.process.CaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda Forms of the user tasks (CONTRACT §1), checked against the contract without an engine.
 *
 * <p>What Tasklist submits: the form-js 1.8 bundled with Camunda 7.24 (webjar {@code lib/deps.js},
 * {@code Form._getSubmitData}) completes the task with the value of every rendered keyed field except
 * those marked {@code disabled}; {@code readonly} fields <em>are</em> submitted, and fields hidden by
 * {@code conditional.hide} are not rendered, so neither validated nor submitted. The forms therefore show
 * the case context only in {@code html}/{@code text} views (templated, never keyed), so no value the
 * browser holds can overwrite a process variable the application owns.
 */
class TaskFormsTest {

  private static final Path FORMS = Paths.get("processes/forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The form-js schema version of the viewer bundled in the Camunda 7.24 Tasklist. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;

  /** A user task's form: file, id (camunda:formRef), what it submits, which of those are required. */
  record TaskForm(String file, String id, Set<String> inputs, Set<String> required, Set<String> shows) {
    @Override
    public String toString() {
      return id;
    }
  }

  static final List<TaskForm> TASK_FORMS = List.of(
      new TaskForm("review-assessment.form", "reviewAssessment",
          Set.of(STRATEGY, REVIEW_NOTES), Set.of(STRATEGY), Set.of()),
      new TaskForm("call-borrower.form", "callBorrower",
          Set.of(CONTACT_RESULT, CALL_NOTES, NOTE_PHONE_STATUS, NOTE_REACHED, NOTE_FEEDBACK, NOTE_PROMISE_AMOUNT,
              NOTE_PROMISE_DATE, NOTE_NEXT_FOLLOW_UP),
          // the promise's fields are required only while shown, for a PROMISE_TO_PAY note
          Set.of(CONTACT_RESULT, CALL_NOTES, NOTE_PROMISE_AMOUNT, NOTE_PROMISE_DATE), Set.of()),
      new TaskForm("verify-borrower.form", "verifyBorrower",
          Set.of(IDENTITY_VERIFIED, OVERDUE_REASON, WILLING_TO_REPAY, VERIFICATION_NOTES),
          Set.of(OVERDUE_REASON), Set.of()),
      new TaskForm("negotiate-plan.form", "negotiatePlan",
          Set.of(NEGOTIATION_OUTCOME, PLAN_TYPE, INSTALLMENT_COUNT, DEFERRAL_DAYS, FIRST_DUE_DATE, NEGOTIATION_NOTES),
          // plan fields are required only while shown (hidden fields are not validated)
          Set.of(NEGOTIATION_OUTCOME, PLAN_TYPE, INSTALLMENT_COUNT, DEFERRAL_DAYS, FIRST_DUE_DATE), Set.of()),
      new TaskForm("approve-plan.form", "approvePlan",
          Set.of(PLAN_APPROVED, APPROVAL_COMMENT), Set.of(),
          Set.of(PLAN_TYPE, INSTALLMENT_COUNT, DEFERRAL_DAYS, FIRST_DUE_DATE, NEGOTIATED_BY, NEGOTIATION_NOTES)),
      new TaskForm("review-escalation.form", "reviewEscalation",
          Set.of(ESCALATION_ACTION, ESCALATION_NOTES), Set.of(ESCALATION_ACTION), Set.of(ESCALATION_REASON)),
      new TaskForm("handle-litigation.form", "handleLitigation",
          Set.of(LITIGATION_RESULT, RECOVERED_AMOUNT, LITIGATION_NOTES),
          Set.of(LITIGATION_RESULT, RECOVERED_AMOUNT), Set.of(EVIDENCE_PACK_ID)),
      new TaskForm("repossess-vehicle.form", "repossessVehicle",
          Set.of(REPOSSESSION_RESULT, RECOVERED_AMOUNT, REPOSSESSION_NOTES),
          Set.of(REPOSSESSION_RESULT, RECOVERED_AMOUNT), Set.of(VEHICLE_PLATE, VEHICLE_STATUS)),
      new TaskForm("follow-up-promise.form", "followUpPromise",
          Set.of(NOTE_CHANNEL, NOTE_REACHED, NOTE_PHONE_STATUS, NOTE_FEEDBACK, NOTE_TEXT, NOTE_PROMISE_AMOUNT,
              NOTE_PROMISE_DATE, NOTE_NEXT_FOLLOW_UP),
          Set.of(NOTE_CHANNEL, NOTE_REACHED, NOTE_PHONE_STATUS, NOTE_FEEDBACK, NOTE_PROMISE_AMOUNT, NOTE_PROMISE_DATE),
          Set.of(BROKEN_PROMISE_ID, BROKEN_PROMISE_AMOUNT, BROKEN_PROMISE_DATE, BROKEN_PROMISE_PAID)),
      new TaskForm("handle-complaint.form", "handleComplaint",
          Set.of(COMPLAINT_RESOLUTION, COMPLAINT_RESPONSE), Set.of(COMPLAINT_RESOLUTION, COMPLAINT_RESPONSE),
          Set.of(COMPLAINT_ID, COMPLAINT_CATEGORY, COMPLAINT_CHANNEL, COMPLAINT_RECEIVED_AT, COMPLAINT_DUE_DATE)),
      new TaskForm("approve-waiver.form", "approveWaiver", Set.of(WAIVER_APPROVED, WAIVER_COMMENT), Set.of(),
          Set.of(WAIVER_ID, WAIVER_KIND, WAIVER_AMOUNT, WAIVER_REASON, WAIVER_REQUESTED_BY, WAIVER_APPROVERS, AMOUNT_DUE)));

  /** What every form shows read-only (CONTRACT §1, last paragraph of the lifecycle). */
  static final Set<String> CASE_CONTEXT = Set.of(LOAN_ID, BORROWER_NAME, BORROWER_PHONE_MASKED, OVERDUE_AMOUNT,
      DAYS_PAST_DUE, RISK_LEVEL, CASE_NOTES, TEAM, CASE_OWNER, BUCKET);

  /** Variables the application owns: no form may submit them. */
  static final Set<String> APPLICATION_OWNED = Set.of(
      LOAN_ID, BORROWER_NAME, BORROWER_PHONE_MASKED, VEHICLE_PLATE, VEHICLE_STATUS, OVERDUE_AMOUNT,
      OUTSTANDING_PRINCIPAL, DAYS_PAST_DUE, PRIOR_OVERDUE_COUNT, AMOUNT_DUE, AMOUNT_REPAID, WECOM_STATE, CASE_NOTES,
      RISK_LEVEL,
      CONTACT_ATTEMPTS, WECOM_EXTERNAL_USER_ID, WECOM_AGENT_USER_ID, NEGOTIATED_BY, APPROVAL_REQUIRED,
      NEXT_INSTALLMENT_CHECK, INSTALLMENT_CHECK, BROKEN_PROMISES, ESCALATION_REASON, EVIDENCE_PACK_ID, CASE_OUTCOME,
      TEAM, CASE_OWNER, BUCKET, BROKEN_PROMISE_ID, BROKEN_PROMISE_AMOUNT, BROKEN_PROMISE_DATE, BROKEN_PROMISE_PAID,
      COMPLAINT_ID, COMPLAINT_CATEGORY, COMPLAINT_CHANNEL, COMPLAINT_RECEIVED_AT, COMPLAINT_DUE_DATE, COLLECTION_PAUSED,
      WAIVER_ID, WAIVER_KIND, WAIVER_AMOUNT, WAIVER_REASON, WAIVER_REQUESTED_BY, WAIVER_APPROVERS, WAIVER_SETTLES,
      AMOUNT_WAIVED);

  /** The contract's enumerations, as the values a select may offer. */
  static final Map<String, Set<String>> ENUMS = Map.ofEntries(
      Map.entry(STRATEGY, Set.of("REMINDER", "WECHAT_CONTACT", "ESCALATE")), // MANUAL_REVIEW is what sent the case here
      Map.entry(CONTACT_RESULT, Set.of("AGREED_TO_ADD", "REFUSED", "NOT_REACHED")),
      Map.entry(OVERDUE_REASON, Set.of("ECONOMIC_HARDSHIP", "OPERATIONAL_SLIP", "WILLFUL_DEFAULT", "OTHER")),
      Map.entry(NEGOTIATION_OUTCOME, Set.of("AGREED", "FAILED")),
      Map.entry(PLAN_TYPE, Set.of("FULL_PAYMENT", "DEFERRAL", "INSTALLMENTS")),
      Map.entry(ESCALATION_ACTION, Set.of("LEGAL_ACTION", "VEHICLE_REPOSSESSION", "RETURN_TO_NEGOTIATION", "WRITE_OFF")),
      Map.entry(LITIGATION_RESULT, Set.of("JUDGMENT_ENFORCED", "SETTLED_IN_COURT", "UNRECOVERABLE")),
      Map.entry(REPOSSESSION_RESULT, Set.of("RECOVERED_AND_SOLD", "NOT_FOUND")),
      Map.entry(COMPLAINT_RESOLUTION, Set.of("UPHELD", "REJECTED", "RESOLVED")),
      Map.entry(NOTE_CHANNEL, Set.of("PHONE", "SMS", "WECHAT", "VISIT")),
      Map.entry(NOTE_REACHED, Set.of("BORROWER", "OTHER_PERSON", "NOBODY")),
      Map.entry(NOTE_PHONE_STATUS, Set.of("ANSWERED", "NO_ANSWER", "BUSY", "POWERED_OFF", "SUSPENDED", "INVALID_NUMBER")),
      Map.entry(NOTE_FEEDBACK, Set.of("PROMISE_TO_PAY", "NEGOTIATING", "HARDSHIP", "DISPUTE", "REFUSED", "ALREADY_PAID",
          "UNREACHABLE")));

  static final Set<String> ESCALATION_REASONS = Set.of("HIGH_RISK", "SUPERVISOR_DECISION", "CONTACT_REFUSED",
      "NO_CONTACT", "IDENTITY_UNVERIFIED", "UNWILLING", "NEGOTIATION_FAILED", "NO_RESPONSE", "BROKEN_PROMISE");

  static final Set<String> BOOLEANS = Set.of(IDENTITY_VERIFIED, WILLING_TO_REPAY, PLAN_APPROVED, WAIVER_APPROVED);

  static final Set<String> NOTES = Set.of(REVIEW_NOTES, CALL_NOTES, VERIFICATION_NOTES, NEGOTIATION_NOTES,
      APPROVAL_COMMENT, ESCALATION_NOTES, LITIGATION_NOTES, REPOSSESSION_NOTES, NOTE_TEXT,
      COMPLAINT_RESPONSE, WAIVER_COMMENT);

  /** min, max (null: none), decimal digits. */
  record Range(int min, Integer max, int decimalDigits) {}

  static final Map<String, Range> NUMBERS = Map.of(
      INSTALLMENT_COUNT, new Range(1, 24, 0),
      DEFERRAL_DAYS, new Range(0, 90, 0),
      RECOVERED_AMOUNT, new Range(0, null, 2));

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  static Stream<TaskForm> taskForms() {
    return TASK_FORMS.stream();
  }

  @Test
  void oneFormPerUserTaskNamedAfterIt() throws IOException {
    Set<String> files;
    try (Stream<Path> paths = Files.list(FORMS)) {
      files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form")).collect(Collectors.toSet());
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(TASK_FORMS.stream().map(TaskForm::file).toList());
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void formIdIsTheUserTaskIdAndTasklistCanRenderIt(TaskForm task) throws IOException {
    JsonNode form = read(task);

    assertThat(form.path("id").asText()).isEqualTo(task.id());
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.path("schemaVersion").asInt()).isEqualTo(TASKLIST_SCHEMA_VERSION);

    List<String> ids = components(form).stream().map(c -> c.node().path("id").asText()).toList();
    assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void submitsExactlyTheTasksVariables(TaskForm task) throws IOException {
    JsonNode form = read(task);

    assertThat(submittedKeys(form)).containsExactlyInAnyOrderElementsOf(task.inputs());
    assertThat(submittedKeys(form)).doesNotContainAnyElementsOf(APPLICATION_OWNED);
    for (Component c : components(form)) {
      // a container with a path would nest its fields' values under that path instead of the variable name
      assertThat(c.node().path("path").asText()).as("path of %s", c.id()).isEmpty();
      assertThat(c.type()).isNotEqualTo("dynamiclist");
    }
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void showsTheCaseContextWithoutSubmittingIt(TaskForm task) throws IOException {
    JsonNode form = read(task);
    Set<String> shown = new HashSet<>(CASE_CONTEXT);
    shown.addAll(task.shows());

    // shown through templated views, which are not fields: nothing of it can be submitted back
    for (String variable : shown) {
      assertThat(templatesOfViews(form)).as("%s shows %s", task.id(), variable)
          .anyMatch(t -> Pattern.compile("\\b" + variable + "\\b").matcher(t).find());
    }
    // no field bound to it at all, not even a disabled one
    assertThat(keyedFields(form).stream().map(Component::key)).doesNotContainAnyElementsOf(shown);
    // readonly fields are submitted by form-js: an input is either editable or not a field
    assertThat(keyedFields(form)).noneMatch(c -> c.node().has("readonly") || c.node().has("disabled"));
    // every form starts with the case context
    assertThat(components(form).get(0).type()).isEqualTo("html");
    assertThat(templatesOf(components(form).get(0).node())).anySatisfy(t -> assertThat(t).contains(LOAN_ID));
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void caseContextNamesTheOwnerTheTeamAndTheBucket(TaskForm task) throws IOException {
    JsonNode context = components(read(task)).get(0).node();

    assertThat(render(context, Map.of(LOAN_ID, "L-1", CASE_OWNER, "agent2", TEAM, "team-m1", BUCKET, "M1",
        DAYS_PAST_DUE, 15)))
        .contains("负责催收员 Case owner agent2")
        .contains("催收组 Team team-m1")
        .contains("账龄段 Bucket M1（逾期 1–30 天） · 当前逾期 15 天")
        .doesNotContain("待分配");
    // in the team's pool: no owner yet, and the form says so rather than showing a blank
    assertThat(render(context, Map.of(LOAN_ID, "L-1", TEAM, "team-m2", BUCKET, "M2", DAYS_PAST_DUE, 45)))
        .contains("负责催收员 Case owner 待分配 · 在本组案件池中（in the team's pool）")
        .contains("催收组 Team team-m2")
        .contains("账龄段 Bucket M2（逾期 31–60 天） · 当前逾期 45 天");
    // before allocation (a supervisor's assessment review) there is neither team nor bucket
    assertThat(render(context, Map.of(LOAN_ID, "L-1")))
        .contains("账龄段 Bucket —", "催收组 Team —", "负责催收员 Case owner 待分配");
    assertThat(render(context, Map.of(LOAN_ID, "L-1", CASE_OWNER, "agent4", TEAM, "team-m3", BUCKET, "M3PLUS")))
        .contains("账龄段 Bucket M3PLUS（逾期 90 天以上）", "负责催收员 Case owner agent4")
        .doesNotContain("当前逾期");
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void enumerationsAreSelectsOfTheContractsValuesWithChineseLabels(TaskForm task) throws IOException {
    for (Component field : keyedFields(read(task))) {
      Set<String> expected = ENUMS.get(field.key());
      if (expected == null) {
        assertThat(field.type()).as(field.key()).isNotIn("select", "radio", "checklist", "taglist");
        continue;
      }
      assertThat(field.type()).as(field.key()).isEqualTo("select");
      assertThat(field.node().has("valuesKey") || field.node().has("valuesExpression")).isFalse();
      List<String> values = new ArrayList<>();
      field.node().path("values").forEach(v -> {
        values.add(v.path("value").asText());
        assertThat(HAN.matcher(v.path("label").asText()).find()).as("Chinese label for %s", v).isTrue();
      });
      assertThat(values).as(field.key()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void fieldTypesRangesAndRequiredFlags(TaskForm task) throws IOException {
    JsonNode form = read(task);
    Set<String> required = new HashSet<>();
    for (Component field : keyedFields(form)) {
      String key = field.key();
      JsonNode validate = field.node().path("validate");
      if (validate.path("required").asBoolean(false)) {
        required.add(key);
      }
      String label = field.node().path(field.type().equals("datetime") ? "dateLabel" : "label").asText();
      assertThat(HAN.matcher(label).find()).as("Chinese label of %s", key).isTrue();
      assertThat(field.node().path("description").asText()).as("English term of %s", key).matches(".*[A-Za-z].*");

      if (BOOLEANS.contains(key)) {
        assertThat(field.type()).as(key).isEqualTo("checkbox");
      }
      if (NOTES.contains(key)) {
        assertThat(field.type()).as(key).isEqualTo("textarea");
        // a String variable lives in a varchar(4000) column
        assertThat(validate.path("maxLength").asInt(Integer.MAX_VALUE)).as(key).isLessThanOrEqualTo(4000);
      }
      if (key.equals(FIRST_DUE_DATE)) {
        assertThat(field.type()).isEqualTo("datetime");
        assertThat(field.node().path("subtype").asText()).isEqualTo("date"); // submits yyyy-MM-dd
      }
      Range range = NUMBERS.get(key);
      if (range != null) {
        assertThat(field.type()).as(key).isEqualTo("number");
        assertThat(validate.path("min").isNumber()).as("min of %s", key).isTrue();
        assertThat(validate.path("min").asInt()).as("min of %s", key).isEqualTo(range.min());
        if (range.max() == null) {
          assertThat(validate.has("max")).as("max of %s", key).isFalse();
        } else {
          assertThat(validate.path("max").asInt()).as("max of %s", key).isEqualTo(range.max());
        }
        assertThat(field.node().path("decimalDigits").isInt()).as("decimalDigits of %s", key).isTrue();
        assertThat(field.node().path("decimalDigits").asInt()).as(key).isEqualTo(range.decimalDigits());
        assertThat(field.node().path("serializeToString").asBoolean(false)).as(key).isFalse();
      }
    }
    assertThat(required).containsExactlyInAnyOrderElementsOf(task.required());
    // a required checkbox could never be submitted unchecked
    assertThat(keyedFields(form)).noneMatch(c -> c.type().equals("checkbox")
        && c.node().path("validate").path("required").asBoolean(false));
  }

  @ParameterizedTest
  @MethodSource("taskForms")
  void onlyThePlanAndTheCollectionRecordHideFields(TaskForm task) throws IOException {
    if (Set.of("negotiatePlan", "callBorrower", "followUpPromise").contains(task.id())) {
      return;
    }
    // a hidden field is neither validated nor submitted: no other form may lose a required value that way
    assertThat(keyedFields(read(task))).allMatch(c -> hideConditions(c).isEmpty());
  }

  @Test
  void negotiatePlanShowsThePlanOnlyWhenItApplies() throws IOException {
    JsonNode form = read(task("negotiatePlan"));
    String failed = "negotiationOutcome = \"FAILED\"";

    assertThat(hideConditions(field(form, NEGOTIATION_OUTCOME))).isEmpty();
    assertThat(hideConditions(field(form, NEGOTIATION_NOTES))).isEmpty();
    assertThat(hideConditions(field(form, PLAN_TYPE))).containsExactly(failed);
    assertThat(hideConditions(field(form, FIRST_DUE_DATE))).containsExactly(failed);
    assertThat(hideConditions(field(form, INSTALLMENT_COUNT)))
        .containsExactlyInAnyOrder(failed, "planType != \"INSTALLMENTS\"");
    assertThat(hideConditions(field(form, DEFERRAL_DAYS)))
        .containsExactlyInAnyOrder(failed, "planType != \"DEFERRAL\"");

    assertThat(staticTexts(form)).anySatisfy(t -> assertThat(t).contains("6", "30", "四眼").containsIgnoringCase("approval"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"callBorrower", "followUpPromise"})
  void theCollectionRecordAsksForAPromiseOnlyWhenTheBorrowerMadeOne(String taskId) throws IOException {
    JsonNode form = read(task(taskId));
    String noPromise = "noteFeedback != \"PROMISE_TO_PAY\"";

    assertThat(hideConditions(field(form, NOTE_PROMISE_AMOUNT))).containsExactly(noPromise);
    assertThat(hideConditions(field(form, NOTE_PROMISE_DATE))).containsExactly(noPromise);
    assertThat(field(form, NOTE_PROMISE_AMOUNT).node().path("decimalDigits").asInt()).isEqualTo(2);
    assertThat(field(form, NOTE_PROMISE_AMOUNT).node().path("validate").path("min").asDouble()).isEqualTo(0.01);
    assertThat(field(form, NOTE_PROMISE_DATE).node().path("subtype").asText()).isEqualTo("date");
    // submitted with its offset, so the follow-up is the agent's time in Asia/Shanghai whatever the browser's zone
    assertThat(field(form, NOTE_NEXT_FOLLOW_UP).node().path("timeSerializingFormat").asText()).isEqualTo("utc_offset");
    assertThat(hideConditions(field(form, NOTE_FEEDBACK))).isEmpty();
    assertThat(hideConditions(field(form, NOTE_NEXT_FOLLOW_UP))).isEmpty();
  }

  @Test
  void followUpPromiseAsksHowThePhoneBehavedOnlyForACall() throws IOException {
    JsonNode form = read(task("followUpPromise"));

    assertThat(hideConditions(field(form, NOTE_PHONE_STATUS))).containsExactly("noteChannel != \"PHONE\"");
    assertThat(hideConditions(field(form, NOTE_CHANNEL))).isEmpty();
    assertThat(hideConditions(field(form, NOTE_REACHED))).isEmpty();
    assertThat(render(components(form).get(1).node(), Map.of(BROKEN_PROMISE_AMOUNT, 3000.0, BROKEN_PROMISE_DATE,
        "2026-12-10", BROKEN_PROMISE_PAID, 1000.0, BROKEN_PROMISE_ID, 7)))
        .contains("承诺金额 Promised ¥3,000.00", "承诺还款日 Promised for 2026-12-10", "期间已还 Paid since ¥1,000.00");
  }

  @Test
  void callBorrowerRemindsTheAgentOfTheConductRules() throws IOException {
    assertThat(staticTexts(read(task("callBorrower")))).anySatisfy(t -> assertThat(t)
        .contains("企业微信", "本人", "个人微信")
        .containsIgnoringCase("only the borrower")
        .containsIgnoringCase("never a personal one"));
  }

  @Test
  void approvePlanAsksForTheApprovalExplicitly() throws IOException {
    Component approved = field(read(task("approvePlan")), PLAN_APPROVED);
    assertThat(approved.node().path("label").asText()).contains("批准", "Approve");
    assertThat(approved.node().path("description").asText()).contains("驳回").containsIgnoringCase("negotiation");
  }

  @Test
  void reviewEscalationNamesEveryEscalationReasonInChinese() throws IOException {
    List<String> templates = templatesOfViews(read(task("reviewEscalation")));
    for (String reason : ESCALATION_REASONS) {
      assertThat(templates).as(reason).anySatisfy(t -> assertThat(t)
          .containsPattern(ESCALATION_REASON + " = \"" + reason + "\" then \"[^\"]*\\p{IsHan}"));
    }
  }

  @Test
  void handleLitigationLinksTheEvidencePackDownload() throws IOException {
    // a relative link: Tasklist's browser session signs the download in (identity.WebappSessionAuthentication)
    assertThat(staticTexts(read(task("handleLitigation")))).anySatisfy(t -> assertThat(t)
        .contains("<a href=\"/api/cases/{{loanId}}/evidence-pack\"", "下载证据材料", "Download the evidence pack"));
  }

  // --- rendering a view as Tasklist does

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /**
   * The text a view shows for these variables: each {@code {{expression}}} evaluated as FEEL (feel-scala here,
   * feelin in form-js: the same language), the markup dropped.
   */
  private static String render(JsonNode view, Map<String, Object> variables) {
    String html = (view.path("text").asText() + view.path("content").asText())
        .replaceAll("(?s)<style>.*?</style>", "");
    assertThat(html).as("no conditional blocks in a case context").doesNotContain("{{#");
    Matcher m = TEMPLATE.matcher(html);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      EvaluationResult result = FEEL.evaluateExpression(m.group(1), new HashMap<>(variables));
      String value = result.isSuccess() && result.result() != null ? String.valueOf(result.result()) : "";
      m.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    m.appendTail(text);
    return text.toString().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
  }

  // --- reading the forms

  record Component(JsonNode node, List<JsonNode> ancestors) {
    String type() {
      return node.path("type").asText();
    }

    String key() {
      return node.path("key").asText();
    }

    String id() {
      return node.path("id").asText();
    }
  }

  private static TaskForm task(String id) {
    return TASK_FORMS.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static JsonNode read(TaskForm task) throws IOException {
    return JSON.readTree(FORMS.resolve(task.file()).toFile());
  }

  private static List<Component> components(JsonNode form) {
    List<Component> all = new ArrayList<>();
    collect(form.path("components"), List.of(), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> ancestors, List<Component> into) {
    for (JsonNode c : components) {
      into.add(new Component(c, ancestors));
      List<JsonNode> path = new ArrayList<>(ancestors);
      path.add(c);
      collect(c.path("components"), path, into);
    }
  }

  /** Fields bound to a variable (form-js "keyed" types carry a key; views and containers do not). */
  private static List<Component> keyedFields(JsonNode form) {
    return components(form).stream().filter(c -> c.node().hasNonNull("key")).toList();
  }

  /** What form-js 1.8 submits when every field is shown: every keyed field that is not disabled. */
  private static Set<String> submittedKeys(JsonNode form) {
    return keyedFields(form).stream()
        .filter(c -> !c.node().path("disabled").asBoolean(false))
        .map(Component::key)
        .collect(Collectors.toSet());
  }

  private static Component field(JsonNode form, String key) {
    return keyedFields(form).stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }

  /** The FEEL hide conditions of a component and its containers, without the leading '='. */
  private static List<String> hideConditions(Component c) {
    List<JsonNode> chain = new ArrayList<>(c.ancestors());
    chain.add(c.node());
    return chain.stream()
        .map(n -> n.path("conditional").path("hide").asText())
        .filter(h -> !h.isBlank())
        .map(h -> h.replaceFirst("^=", "").trim().replaceAll("\\s+", " "))
        .toList();
  }

  private static List<String> staticTexts(JsonNode form) {
    return components(form).stream()
        .filter(c -> c.type().equals("text") || c.type().equals("html"))
        .map(c -> c.node().path("text").asText() + c.node().path("content").asText())
        .toList();
  }

  /** The {{ }} expressions of the html and text views. */
  private static List<String> templatesOfViews(JsonNode form) {
    return components(form).stream()
        .filter(c -> c.type().equals("text") || c.type().equals("html"))
        .flatMap(c -> templatesOf(c.node()).stream())
        .toList();
  }

  private static List<String> templatesOf(JsonNode view) {
    List<String> templates = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(view.path("text").asText() + view.path("content").asText());
    while (m.find()) {
      templates.add(m.group(1));
    }
    return templates;
  }
}
