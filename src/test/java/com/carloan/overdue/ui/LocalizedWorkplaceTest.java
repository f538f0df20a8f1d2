package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.common.BusinessClock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workplace in the browser's language. An agent's way in, the login page, the filter
 * list and a call with its form, checked label by label against the locale file the webapps must
 * pick for that language (zh.json is ours, en.json the webjar's), with a screenshot of each screen.
 * Case data (filter, task and process names, the form) is the same in every language.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LocalizedWorkplaceTest extends BrowserTestSupport {

  /** The lender's name beside the product's in headers and titles (config.js {@code app.vendor}). */
  static final String VENDOR = "鼎信汽车金融";

  /** config.js {@code dateFormat.long} ("YYYY-MM-DD HH:mm:ss dddd") without the weekday. */
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
  private static final By SIGN_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
  private static final By LOGIN_APP_NAME = By.cssSelector(".app-name");
  private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");
  private static final By BRAND = By.cssSelector(".navbar-brand .brand-name");
  private static final By SHORTCUT_HELP = By.cssSelector(".sections-menu .shortcut-help a");
  private static final By CREATE_TASK = By.cssSelector(".sections-menu .create-task-action a");
  private static final By START_PROCESS = By.cssSelector(".sections-menu .start-process-action a");
  private static final By SHORTCUTS = By.cssSelector(".shortcut-modal");
  private static final By SORTED_BY = By.cssSelector(".sorting-choice .sort-by");
  private static final By SEARCH = By.cssSelector("[cam-widget-search] input.main-field");
  private static final By TASK_CARDS = By.cssSelector(".tasks-list li.task");
  private static final By TOOLTIP = By.cssSelector(".tooltip .tooltip-inner");
  private static final By CLAIM = By.cssSelector(".task-details button.claim");
  private static final By TABS = By.cssSelector(".task-details .nav-tabs li a");
  private static final By SET_DUE_DATE = By.cssSelector(".task-details .due-date a");
  private static final By FOLLOW_UP = By.cssSelector(".task-details .followup-date [am-time-ago]");
  private static final By ADD_COMMENT = By.cssSelector(".task-details .createCommentLink");
  private static final By FORM_BUTTONS = By.cssSelector(".task-details .form-actions button");

  /** The locale file the webapps must pick for the browser's language: zh or en. */
  protected abstract String locale();

  /** The product's name (config.js {@code app.name}) in the browser's language. */
  protected abstract String productName();

  /** Fails unless a label the browser shows is written in the browser's language. */
  protected abstract void assertInLanguage(String what, String shown);

  @Test
  @Order(1)
  void theLoginPageSpeaksTheBrowsersLanguage() {
    browser.open("/camunda/app/"); // where the README sends everyone: the welcome app's login
    browser.until(d -> d.getCurrentUrl().contains("/welcome/") && d.getCurrentUrl().contains("/login"));
    browser.settle();
    // What the webapps pick the locale by; headless Chromium gets it from intl.accept_languages.
    assertThat(browser.js("return navigator.languages[0];")).isEqualTo(language());
    assertLoginPage(WebappLocale.of("welcome", locale()));
    browser.screenshot("login-page");

    browser.openApp("tasklist", ""); // a bookmark into Tasklist signs in on Tasklist's own login page
    browser.until(d -> d.getCurrentUrl().contains("/tasklist/") && d.getCurrentUrl().contains("/login"));
    browser.settle();
    assertLoginPage(WebappLocale.of("tasklist", locale()));
  }

  private void assertLoginPage(WebappLocale labels) {
    assertShows("user name", () -> browser.visible(USERNAME).getDomAttribute("placeholder"),
        labels.label("PAGE_LOGIN_USERNAME"));
    assertShows("password", () -> browser.visible(PASSWORD).getDomAttribute("placeholder"),
        labels.label("PAGE_LOGIN_PASSWORD"));
    assertShows("sign-in button", () -> browser.visible(SIGN_IN).getText(), labels.label("PAGE_LOGIN_SIGN_IN_ACTION"));
    // The vendor's end-of-life banner is rendered, and hidden: only Admin shows it (hide-eol-banner.js).
    assertThat(browser.until(ExpectedConditions.presenceOfElementLocated(EOL_BANNER)).isDisplayed())
        .as("Camunda 7 CE banner on the login page").isFalse();
    assertShows("product name", () -> browser.visible(LOGIN_APP_NAME).getText(), productName());
    browser.until(ExpectedConditions.titleIs(VENDOR + " " + productName()));
  }

  @Test
  @Order(2)
  void anAgentWorksACallInTheBrowsersLanguage() {
    WebappLocale labels = WebappLocale.of("tasklist", locale());
    String loanId = openWeChatCase();
    String call = "致电借款人 · " + loanId;
    Task task = awaitTask(loanId, "callBorrower");

    // The filter list: our filters and the lender's brand, Tasklist's own words in the language.
    Tasklist tasklist = Tasklist.login(browser, "agent1");
    assertThat(tasklist.selectedFilter()).isEqualTo(MY_TASKS);
    assertThat(tasklist.filterNames()).containsExactly(MY_TASKS, COLLECTION_QUEUE, FOLLOW_UP_DUE);
    // The call waits unclaimed in the team's pool.
    tasklist.openFilter(COLLECTION_QUEUE).awaitTask(call);
    assertThat(browser.visible(BRAND).getText()).isEqualTo(VENDOR + " " + productName());
    assertThat(browser.driver().getTitle()).isEqualTo(VENDOR + " " + productName());
    assertShows("keyboard shortcuts", () -> browser.visible(SHORTCUT_HELP).getText(), labels.label("SHORTCUT_HELP"));
    assertShows("create task", () -> browser.visible(CREATE_TASK).getText(), labels.label("CREATE_TASK"));
    assertShows("start process", () -> browser.visible(START_PROCESS).getText(), labels.label("START_PROCESS"));
    assertShows("sorted by", () -> browser.visible(SORTED_BY).getText(), labels.label("CREATION_DATE"));
    assertShows("search", () -> browser.visible(SEARCH).getDomAttribute("placeholder"),
        labels.label("SEARCH_PLACEHOLDER"));
    WebElement created = card(call).findElement(By.cssSelector(".creation-date"));
    WebElement createdAgo = created.findElement(By.cssSelector("[am-time-ago]"));
    assertThat(created.getText()).startsWith(labels.label("CREATION"));
    assertThat(labels.isRelativeTime(createdAgo.getText())).as("'%s' in %s words", createdAgo.getText(), locale())
        .isTrue();
    // Hovered, the relative time shows the date in config.js's format, with the locale's weekday.
    new Actions(browser.driver()).moveToElement(browser.inView(createdAgo)).perform();
    assertShows("date of creation", () -> browser.visible(TOOLTIP).getText(), longDate(task.getCreateTime(), labels));
    browser.screenshot("filter-list");

    // The shortcut help lists config.js's own descriptions, which follow the browser's language too.
    browser.clickable(SHORTCUT_HELP).click();
    WebElement shortcuts = browser.visible(SHORTCUTS);
    browser.settle();
    assertShows("shortcut help title", () -> shortcuts.findElement(By.cssSelector(".modal-title")).getText(),
        labels.label("SHORTCUT_HELP"));
    List<WebElement> descriptions = shortcuts.findElements(By.cssSelector("tbody td:nth-child(2)"));
    assertThat(descriptions).hasSize(5);
    descriptions.forEach(description -> assertInLanguage("shortcut description", description.getText()));
    browser.screenshot("keyboard-shortcuts");
    WebElement close = shortcuts.findElement(By.cssSelector(".modal-footer button"));
    assertShows("close", close::getText, labels.label("CLOSE"));
    close.click();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(SHORTCUTS));
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-backdrop")));

    // The call: Tasklist's task view in the language, the form as its file words it, dates as config.js says.
    tasklist.openTask(call);
    assertShows("claim", () -> browser.visible(CLAIM).getText(), labels.label("CLAIM_TASK"));
    assertShows("tabs", () -> browser.all(TABS).stream().map(WebElement::getText).toList().toString(),
        List.of(labels.label("FORM"), labels.label("HISTORY"), labels.label("DIAGRAM"), labels.label("DESCRIPTION"))
            .toString());
    assertShows("set due date", () -> browser.visible(SET_DUE_DATE).getText(), labels.label("SET_DUE_DATE"));
    assertShows("add comment", () -> browser.visible(ADD_COMMENT).getText(), labels.label("COMMENT_CREATE"));
    WebElement followUp = browser.visible(FOLLOW_UP);
    assertThat(labels.isRelativeTime(followUp.getText())).as("'%s' in %s words", followUp.getText(), locale())
        .isTrue();
    assertThat(followUp.getDomAttribute("uib-tooltip")).isEqualTo(longDate(task.getFollowUpDate(), labels));
    browser.screenshot("call-task");

    TaskForm form = tasklist.claim().form("callBorrower");
    assertShows("form buttons", () -> browser.all(FORM_BUTTONS).stream().map(WebElement::getText).toList().toString(),
        List.of(labels.label("SAVE"), labels.label("COMPLETE")).toString());
    for (String field : List.of("contactResult", "callNotes")) {
      assertThat(form.label(field)).isEqualTo(form.definedLabel(field)).containsPattern("\\p{IsHan}");
    }
    browser.inView(browser.all(FORM_BUTTONS).get(0));
    browser.screenshot("task-with-form");
  }

  /**
   * Waits until the browser shows the label (translations arrive after the page), then asserts it,
   * so a wrong or missing label fails with what was shown instead.
   */
  private void assertShows(String what, Supplier<String> shown, String label) {
    try {
      browser.until(d -> label.equals(shown.get()));
    } catch (TimeoutException e) {
      // the assertion below says what the browser showed
    }
    assertThat(shown.get()).as(what).isEqualTo(label);
    assertInLanguage(what, label);
  }

  private WebElement card(String taskName) {
    return browser.until(d -> browser.all(TASK_CARDS).stream()
        .filter(card -> card.findElement(By.cssSelector("h4.task a")).getText().trim().equals(taskName))
        .findFirst().orElse(null));
  }

  /** A date as Tasklist's tooltips show it: config.js {@code dateFormat.long} in the browser's zone. */
  private static String longDate(Date date, WebappLocale labels) {
    ZonedDateTime at = date.toInstant().atZone(BusinessClock.ZONE);
    return LONG_DATE.format(at) + " " + labels.weekday(at.getDayOfWeek());
  }
}
