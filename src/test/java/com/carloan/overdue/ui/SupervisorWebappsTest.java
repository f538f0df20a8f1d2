package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.process.CaseVariables;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit for a supervisor (read only, CONTRACT §3) and Admin for the administrator in the browser's
 * language, label by label as the locale files word them (ours for zh, the webjar's for en), and
 * the form renderer's required message in Tasklist. Only Admin shows the vendor's end-of-life
 * banner. Screenshots: {@code target/screenshots/<class>/}.
 */
abstract class SupervisorWebappsTest extends BrowserTestSupport {

  private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

  @Autowired RepositoryService repository;

  /** zh or en: the locale files the webapps must show. */
  protected abstract String locale();

  /** form-js's required message as our custom script (zh) or form-js itself (en) words it. */
  protected abstract String requiredMessage();

  @Test
  void supervisorReadsTheDashboardTheProcessAndAnIncident() {
    WebappLocale labels = WebappLocale.of("cockpit", locale());
    String loanId = openWeChatCase();
    long calls = tasks.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .taskDefinitionKey("callBorrower").count();
    String definitionId = repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult().getId();
    String pi = processInstanceId(loanId);
    // An incident as an operator meets one: on the case's waiting execution, with its message.
    String message = "短信网关不可达 · SMS gateway unreachable " + loanId;
    Incident incident = runtime.createIncident("smsGateway", awaitTask(loanId, "callBorrower").getExecutionId(),
        "sms-" + loanId, message);
    try {
      browser.login("cockpit", "supervisor1");
      assertShows(labels, "DASHBOARD_RUNNING_PROCESS_INSTANCE", "DASHBOARD_OPEN_INCIDENTS",
          "DASHBOARD_OPEN_HUMAN_TASKS", "COCKPIT_PROCESSES", "DASHBOARD_PROCESS_DEFINITIONS");
      assertBannerHidden();
      browser.screenshot("cockpit-dashboard-of-supervisor1");

      browser.openApp("cockpit", "#/process-definition/" + definitionId + "/runtime");
      WebElement badge = browser.visible(By.cssSelector(
          ".djs-overlays[data-container-id='callBorrower'] .badge"));
      browser.until(d -> !badge.getText().isBlank());
      assertThat(Long.parseLong(badge.getText().trim())).isEqualTo(calls);
      assertShows(labels, "PROCESS_DEFINITION_INSTANCES_RUNNING", "PLUGIN_PROCESS_INSTANCES_LABEL",
          "PLUGIN_PROCESS_DEF_INCIDENTS");
      browser.settle();
      browser.screenshot("cockpit-process-with-instance-counts");

      browser.openApp("cockpit", "#/process-instance/" + pi + "/runtime?tab=incidents-tab");
      browser.until(d -> body().contains(normal(message)));
      assertShows(labels, "PROCESS_INSTANCE_INSTANCE_ID", "PLUGIN_INCIDENTS_LABEL", "PLUGIN_INCIDENTS_TAB_MESSAGE");
      browser.settle();
      browser.screenshot("cockpit-incident-of-the-case");
    } finally {
      runtime.resolveIncident(incident.getId());
    }
  }

  @Test
  void adminManagesUsersAndGroupsAndSeesTheBanner() {
    WebappLocale labels = WebappLocale.of("admin", locale());
    browser.login("admin", "admin");
    browser.openApp("admin", "#/users");
    browser.until(d -> body().contains("supervisor1"));
    assertShows(labels, "USERS_LIST_USERS", "USERS_ADD_USER", "PLUGIN_SEARCH_USER_FIRSTNAME",
        "PLUGIN_SEARCH_USER_LASTNAME");
    // Administrators plan the upgrade: the vendor's banner stays in Admin, in their language.
    assertThat(browser.visible(EOL_BANNER).getText()).isEqualTo(labels.text("BANNER_CE_EOL_TEXT"));
    browser.settle();
    browser.screenshot("admin-users");

    browser.openApp("admin", "#/groups");
    browser.until(d -> body().contains("collection-supervisor"));
    assertShows(labels, "GROUPS_LIST_OF_GROUPS", "GROUPS_CREATE_GROUP", "GROUPS_GROUP_ID", "GROUPS_GROUP_TYPE");
    browser.settle();
    browser.screenshot("admin-groups");
  }

  @Test
  void aCallLeftEmptySaysWhatIsRequired() {
    String loanId = openWeChatCase();
    Tasklist tasklist = Tasklist.login(browser, "agent1");
    tasklist.openFilter(COLLECTION_QUEUE).openTask("致电借款人 · " + loanId).claim();
    TaskForm form = tasklist.form("callBorrower");
    assertBannerHidden();

    tasklist.pressComplete();

    browser.until(d -> form.errors().containsKey("contactResult"));
    assertThat(form.errors().get("contactResult")).isEqualTo(requiredMessage());
    browser.screenshot("call-left-empty");
    assertThat(task(loanId, "callBorrower")).isNotNull();
    completeAs("agent1", "collection-agent", loanId, "callBorrower",
        Map.of("contactResult", "NOT_REACHED", "callNotes", "无人接听"));
  }

  /** Waits until the page shows every label's text (case aside: the header writes some in capitals). */
  private void assertShows(WebappLocale labels, String... keys) {
    List<String> expected = List.of(keys);
    try {
      browser.until(d -> expected.stream().allMatch(key -> body().contains(normal(labels.text(key)))));
    } catch (org.openqa.selenium.TimeoutException e) {
      List<String> missing = expected.stream().filter(key -> !body().contains(normal(labels.text(key))))
          .map(key -> key + " \"" + labels.text(key) + "\"").toList();
      throw new AssertionError("the page does not show " + missing, e);
    }
  }

  private void assertBannerHidden() {
    assertThat(browser.until(ExpectedConditions.presenceOfElementLocated(EOL_BANNER)).isDisplayed())
        .as("the vendor's end-of-life banner").isFalse();
  }

  private String body() {
    return normal(browser.driver().findElement(By.tagName("body")).getText());
  }

  private static String normal(String text) {
    return text.replaceAll("\\s+", " ").replaceAll(":$", "").trim().toLowerCase(Locale.ROOT);
  }
}
