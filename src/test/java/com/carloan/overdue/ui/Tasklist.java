package com.carloan.overdue.ui;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a person uses it. Elements are found by Tasklist's own structure (classes,
 * AngularJS bindings) and by our data (filter and task names), never by Tasklist's labels, which
 * change with the browser's language.
 */
public final class Tasklist {

  private static final By FILTERS = By.cssSelector(".task-filters .task-filter");
  private static final By FILTER_NAME = By.cssSelector("h4.name a");
  private static final By SELECTED_FILTER = By.cssSelector(".task-filters .task-filter.active");
  private static final By TASKS = By.cssSelector(".tasks-list li.task");
  private static final By TASK_NAME = By.cssSelector("h4.task a");
  private static final By OPEN_TASK_NAME = By.cssSelector(".task-details h2.task");
  private static final By CLAIM = By.cssSelector(".task-details button.claim");
  private static final By ASSIGNEE = By.cssSelector(".task-details li.assignee");
  private static final By COMPLETE = By.cssSelector(".task-details button[ng-click='complete()']");
  private static final By CAMUNDA_FORM = By.cssSelector(".task-details [cam-tasklist-form-camunda] form.fjs-form");

  private final Browser browser;

  Tasklist(Browser browser) {
    this.browser = browser;
  }

  /** Signs in to Tasklist and waits until it shows the user's filters. */
  public static Tasklist login(Browser browser, String userId) {
    browser.login("tasklist", userId);
    Tasklist tasklist = new Tasklist(browser);
    browser.visible(SELECTED_FILTER);
    browser.settle();
    return tasklist;
  }

  /** The filters in the order Tasklist lists them. */
  public List<String> filterNames() {
    return browser.all(FILTERS).stream().map(filter -> filterName(filter)).toList();
  }

  /** The filter Tasklist has open. */
  public String selectedFilter() {
    return filterName(browser.visible(SELECTED_FILTER));
  }

  private static String filterName(WebElement filter) {
    // the open filter's link also carries its task count: "Collection queue · 催收队列 (1)"
    return filter.findElement(FILTER_NAME).getText().replaceFirst("\\s*\\(?\\d*\\)?\\s*$", "").trim();
  }

  public Tasklist openFilter(String name) {
    WebElement filter = browser.all(FILTERS).stream().filter(f -> filterName(f).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no filter " + name + " in " + filterNames()));
    filter.findElement(FILTER_NAME).click();
    browser.until(d -> selectedFilter().equals(name));
    browser.settle();
    return this;
  }

  /** The names of the tasks the open filter lists, read again if Tasklist redraws the list meanwhile. */
  public List<String> taskNames() {
    for (int attempt = 1; ; attempt++) {
      browser.settle();
      try {
        return browser.all(TASKS).stream().map(task -> task.findElement(TASK_NAME).getText().trim()).toList();
      } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  /** Waits until the open filter lists a task of that name (the list refreshes by itself). */
  public Tasklist awaitTask(String taskName) {
    browser.until(d -> taskLink(taskName) != null);
    return this;
  }

  /** Opens the task of that name from the list, with its form. */
  public Tasklist openTask(String taskName) {
    awaitTask(taskName);
    // A long queue puts the task under the fixed footer, where a click would land on the footer.
    browser.inView(taskLink(taskName)).click();
    browser.until(ExpectedConditions.textToBe(OPEN_TASK_NAME, taskName));
    browser.visible(CAMUNDA_FORM);
    browser.settle();
    return this;
  }

  private WebElement taskLink(String taskName) {
    return browser.all(TASKS).stream().map(task -> task.findElement(TASK_NAME))
        .filter(link -> link.getText().trim().equals(taskName)).findFirst().orElse(null);
  }

  /**
   * Follows a link to one task ({@code #/?task=<id>}, the route Tasklist itself puts in the address bar), as a
   * supervisor does who was sent the case's task; Tasklist then shows it, whichever filter is open, if the user
   * may read it.
   */
  public Tasklist followTaskLink(String taskId) {
    browser.openApp("tasklist", "#/?task=" + taskId);
    browser.visible(SELECTED_FILTER);
    browser.settle();
    return this;
  }

  /** Whether a task opens beside the list within a few seconds (Tasklist loads it after the filter's list). */
  public boolean hasOpenTask() {
    try {
      browser.until(java.time.Duration.ofSeconds(8),
          d -> browser.all(OPEN_TASK_NAME).stream().anyMatch(WebElement::isDisplayed));
      return true;
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  /** Waits until the open task shows its form. */
  public Tasklist awaitOpenForm() {
    browser.visible(OPEN_TASK_NAME);
    browser.visible(CAMUNDA_FORM);
    browser.settle();
    return this;
  }

  private static final By ASSIGNEE_FIELD = By.cssSelector(".task-details li.assignee [cam-widget-inline-field]");
  private static final By ASSIGNEE_INPUT = By.cssSelector(".task-details li.assignee input");

  /**
   * Changes the open task's assignee the way a supervisor does: clicks the assignee, types the user id and
   * confirms with Enter. Tasklist first looks the user up (it keeps the old assignee when it cannot find them),
   * then sets the assignee through the REST API.
   */
  public Tasklist changeAssignee(String userId) {
    browser.inView(browser.clickable(ASSIGNEE_FIELD)).click();
    WebElement input = browser.visible(ASSIGNEE_INPUT);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(userId);
    browser.settle();
    input.sendKeys(Keys.ENTER);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(ASSIGNEE_INPUT));
    browser.settle();
    return this;
  }

  /** What the open task shows as its assignee (the user's name where they have one). */
  public String assignee() {
    return browser.visible(ASSIGNEE).getText().trim();
  }

  public String openTaskName() {
    return browser.visible(OPEN_TASK_NAME).getText().trim();
  }

  public boolean canClaim() {
    return !browser.all(CLAIM).isEmpty();
  }

  private static final By NOTICES = By.cssSelector(".page-notifications .alert");

  public Tasklist claim() {
    browser.clickable(CLAIM).click();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    browser.visible(ASSIGNEE);
    browser.settle();
    return this;
  }

  /** The open task's Camunda Form, described by the form file of that id under processes/forms/. */
  public TaskForm form(String formId) {
    return new TaskForm(browser, browser.visible(CAMUNDA_FORM), formId);
  }

  /** Whether Complete may be pressed: Tasklist disables it while the form shows a wrong value. */
  public boolean canComplete() {
    return browser.inView(browser.visible(COMPLETE)).isEnabled();
  }

  /** Presses Complete; the form decides whether the task is completed. */
  public void pressComplete() {
    // the notice of the task completed before ("task completed") lies over the button until it fades
    browser.until(d -> d.findElements(NOTICES).isEmpty());
    browser.inView(browser.clickable(COMPLETE)).click();
    browser.settle();
  }

  /** Completes the open task and waits until Tasklist has let go of it. */
  public void complete() {
    String taskName = openTaskName();
    pressComplete();
    browser.until(d -> browser.all(OPEN_TASK_NAME).isEmpty() && taskLink(taskName) == null);
    browser.settle();
  }
}
