package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.process.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** Cockpit is for process owners and supervisors, not for agents. */
class CockpitTest extends BrowserTestSupport {

  private static final By LOGIN_FORM = By.cssSelector("form[name=signinForm]");
  private static final By ERROR_NOTIFICATION = By.cssSelector(".page-notifications .alert-danger");

  @Autowired RepositoryService repository;

  @Test
  void agentCannotOpenCockpit() {
    browser.submitLogin("cockpit", "agent1", "agent1");

    browser.visible(ERROR_NOTIFICATION);
    browser.settle();
    assertThat(browser.currentUrl()).contains("/cockpit/").contains("#/login");
    assertThat(browser.all(LOGIN_FORM)).isNotEmpty();
    browser.screenshot("agent1-refused-by-cockpit");

    // Nor behind the login page: the processes view sends agent1 back to it.
    browser.openApp("cockpit", "#/processes");
    browser.until(d -> d.getCurrentUrl().contains("#/login"));
    browser.visible(LOGIN_FORM);
  }

  @Test
  void ownerSeesTheRunningCasesOnTheDiagram() {
    for (int i = 0; i < 3; i++) {
      openWeChatCase();
    }
    String atVerification = openWeChatCase();
    completeAs("agent1", "collection-agent", atVerification, "callBorrower",
        Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "同意添加企业微信"));
    weChatContacts.confirm(atVerification, "wmBorrower03", "agent1");
    executeDueJobs(atVerification);
    long calls = tasks.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .taskDefinitionKey("callBorrower").count();
    long verifications = tasks.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .taskDefinitionKey("verifyBorrower").count();
    String definitionId = repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult().getId();

    browser.login("cockpit", "owner1");
    browser.visible(By.cssSelector("a[href='#/processes']"));
    browser.settle();
    browser.screenshot("cockpit-dashboard-of-owner1");

    browser.clickable(By.cssSelector("a[href='#/processes']")).click();
    WebElement definition = browser.clickable(By.cssSelector("a[href*='process-definition/" + definitionId + "']"));
    browser.settle();
    browser.screenshot("cockpit-processes");
    definition.click();

    browser.until(ExpectedConditions.urlContains("process-definition/" + definitionId));
    assertThat(badge("callBorrower")).isEqualTo(calls);
    assertThat(badge("verifyBorrower")).isEqualTo(verifications);
    browser.settle();
    browser.screenshot("cockpit-running-cases-on-the-diagram");

    // The whole model is too small to read on one screen: zoom in where the cases wait.
    focusDiagramOn("callBorrower");
    browser.screenshot("cockpit-cases-waiting-at-the-call");
  }

  /** Zooms the diagram in to its real size and drags the activity to the middle. */
  private void focusDiagramOn(String activityId) {
    WebElement canvas = browser.visible(By.cssSelector(".djs-container"));
    By shape = By.cssSelector(".djs-element[data-element-id='" + activityId + "'] .djs-visual rect");
    // A task is 100 units wide: zoom in until it is shown 100 pixels wide.
    for (int i = 0; i < 10 && browser.until(ExpectedConditions.presenceOfElementLocated(shape)).getRect().width < 100; i++) {
      int width = browser.driver().findElement(shape).getRect().width;
      browser.clickable(By.cssSelector(".navigation.zoom button.in")).click();
      browser.until(d -> d.findElement(shape).getRect().width != width);
    }
    Rectangle view = canvas.getRect();
    Rectangle at = browser.driver().findElement(shape).getRect();
    // Drag the canvas by an empty corner, as a person would.
    new Actions(browser.driver())
        .moveToElement(canvas, -view.width / 2 + 15, -view.height / 2 + 15)
        .clickAndHold()
        .moveByOffset((view.x + view.width / 2) - (at.x + at.width / 2), (view.y + view.height / 2) - (at.y + at.height / 2))
        .release()
        .perform();
    browser.settle();
    browser.visible(By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge"));
  }

  /** The running-instances badge Cockpit puts on an activity of the diagram. */
  private long badge(String activityId) {
    WebElement badge = browser.visible(By.cssSelector(
        ".djs-overlays[data-container-id='" + activityId + "'] .badge"));
    browser.until(d -> !badge.getText().isBlank());
    return Long.parseLong(badge.getText().trim());
  }
}
