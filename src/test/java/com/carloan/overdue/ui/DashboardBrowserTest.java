package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.process.ProcessTestSupport;
import com.carloan.overdue.record.complaint.Complaints;
import com.carloan.overdue.record.promise.PromiseSweep;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in Debian's headless Chromium, signed in through the Camunda login as a supervisor
 * would: every chart is drawn, and an agent is refused. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:dashboard-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000",
    // every load starts a recomputation: a reload after the clock moved shows the figures as of then
    "collections.operations.dashboard-cache=PT0S",
    "collections.demo-users=true"})
@ExtendWith(ChromiumAvailable.class)
class DashboardBrowserTest extends ProcessTestSupport {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> CHARTS = List.of("funnel", "outcomes", "promises", "contact", "escalations", "queues");

  @LocalServerPort int port;
  @Autowired Complaints complaints;
  @Autowired LoanCases loanCases;
  @Autowired PromiseSweep promiseSweep;

  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(Browser.CHROMIUM));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1440,2300", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(Browser.CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void supervisorSeesEveryChartDrawnAndAnAgentIsRefused() throws IOException {
    driveSomeCases();

    logIn("supervisor1");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("催收看板");  // the welcome page's link
    String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
    browser.get(url("/dashboard"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

    for (String chart : CHARTS) {
      WebElement card = browser.findElement(By.id(chart));
      assertThat(card.findElements(By.tagName("canvas"))).as(chart).hasSize(1);
      assertThat(drawnPixels(chart)).as(chart + " drawn").isGreaterThan(500);
      assertThat(card.findElements(By.cssSelector("table tbody tr"))).as(chart + " table").isNotEmpty();
    }
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("在办案件阶段分布", "Open cases by lifecycle stage", "已结清 Settled", "违约 Broken",
        "升级原因", "Escalation reasons", "致电借款人");
    assertThat(browser.findElement(By.id("teams")).getText()).contains("团队", "Teams", "M1 组 Team M1", "agent1",
        "本月回收 Recovered this month", "承诺还款履约 (30d) Promises to pay kept", "1 / 2 · 50.0%");
    assertThat(tile("承诺还款履约率 Promise-to-pay kept")).isEqualTo("50.0%");
    assertThat(tile("未结投诉 Open complaints")).isEqualTo("1");
    assertThat(tile("逾期投诉 Overdue complaints")).isEqualTo("0");
    assertThat(browser.findElements(By.cssSelector("#teams table tbody tr")).size()).isGreaterThan(3);
    assertThat(browser.findElement(By.id("rollRates")).getText()).contains("迁徙率", "Roll rates", "M1→M2", "M3→M3PLUS");
    assertThat(browser.findElements(By.cssSelector("#rollRates table tbody tr"))).hasSize(6);
    // Payments in the window, the open case's 1,000 among them; the closed cases repaid 10,500 of them.
    assertThat(tile("近期回收 Recovered (30d)")).isEqualTo("¥11,500");
    assertThat(tile("回收率 Recovery rate")).endsWith("%");
    screenshot("dashboard-supervisor1.png");
    // The webapps' session is read, not rotated: Tasklist in the next tab keeps working.
    assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue()).isEqualTo(session);

    // A year on, nothing closed, promised, asked or paid in the window: no rate, not 0 %.
    setClock(now().plusYears(1));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> {
      b.navigate().refresh();
      return "—".equals(tile("回收率 Recovery rate"));
    });
    assertThat(tile("还款计划履约率 Plan kept")).isEqualTo("—");
    assertThat(tile("承诺还款履约率 Promise-to-pay kept")).isEqualTo("—");
    assertThat(tile("企微添加率 WeCom adds")).isEqualTo("—");
    assertThat(tile("近期回收 Recovered (30d)")).isEqualTo("¥0");
    assertThat(browser.findElement(By.cssSelector("#promises table tfoot")).getText()).contains("履约率 Kept rate —");
    screenshot("dashboard-no-data.png");

    logOut();
    logIn("agent1");
    browser.get(url("/dashboard"));
    WebElement status = browser.findElement(By.id("status"));
    assertThat(status.getAttribute("data-status")).isEqualTo("403");
    assertThat(status.getText()).contains("无权访问");
    assertThat(browser.findElements(By.tagName("canvas"))).isEmpty();
    screenshot("dashboard-agent1-refused.png");
  }

  /**
   * Cases at several stages, closed with several outcomes, a kept and a broken repayment plan, a kept and a broken
   * promise to pay, and an open complaint.
   */
  private void driveSomeCases() {
    var settled = caseAtNegotiation();
    agentCompletes(settled, "negotiatePlan", installments(3));
    pay(settled, "8500.00");
    var broken = caseAtNegotiation();
    agentCompletes(broken, "negotiatePlan", fullPayment());
    fireNextTimer(broken);
    var refused = openWeChatCase();
    agentCompletes(refused, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝"));
    pay(refused, "2000.00");
    decideEscalation(refused, "WRITE_OFF");
    var legal = openCase(30, "20000.00", 0, "GPS_OFFLINE");
    decideEscalation(legal, "LEGAL_ACTION");
    legalCompletes(legal, "handleLitigation", Map.of("litigationResult", "JUDGMENT_ENFORCED", "recoveredAmount", 6000.0));
    agentCompletes(caseAtNegotiation(), "negotiatePlan", installments(12));
    for (int i = 0; i < 3; i++) {
      openWeChatCase();
    }
    borrowerAddsWeCom(openWeChatCase());
    LocalDate promisedFor = now().toLocalDate().plusDays(1);       // the timers above moved the clock on
    var keeps = promiseToPayOnTheCall(1000, promisedFor);
    advance(Duration.ofHours(1));
    pay(keeps, "1000.00");                                          // stays open: 7,500 to go; its promise is kept
    promiseToPayOnTheCall(3000, promisedFor);                       // nothing paid: broken
    complaints.receive(loanCases.requireActive(loanId(openWeChatCase())), "PHONE", "AMOUNT", "借款人对金额有异议",
        "loansys");                                                 // open, due in 15 days
    openCase(5, "3000.00", 0, "NORMAL");
    openCase(40, "150000.00", 1, "NORMAL");
    openCase(120, "30000.00", 2, "NORMAL");
    setClock(promisedFor.plusDays(2).atStartOfDay(now().getZone()).plusMinutes(1));  // both fell due (grace P1D)
    assertThat(promiseSweep.run()).isEqualTo(new PromiseSweep.Swept(1, 1));
  }

  /** A WeChat case in team M1 whose owner reached the borrower, who promised to pay by the date. */
  private ProcessInstance promiseToPayOnTheCall(int amount, LocalDate date) {
    ProcessInstance pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "借款人同意添加企业微信",
        "noteFeedback", "PROMISE_TO_PAY", "notePromiseAmount", amount, "notePromiseDate", date.toString()));
    return pi;
  }

  /**
   * Signs in through the Camunda login in the browser: the welcome app's login call, with the CSRF
   * token the webapps hand out, so the browser holds a real webapp session afterwards.
   */
  private void logIn(String user) {
    browser.get(url("/camunda/app/welcome/default/#!/login"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name=signinForm]")));
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '';"
            + "fetch('/camunda/api/admin/auth/user/default/login/welcome', {method: 'POST', credentials: 'same-origin',"
            + " headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token},"
            + " body: 'username=' + arguments[0] + '&password=' + arguments[0]})"
            + ".then(r => done(r.status), e => done(String(e)));", user);
    assertThat(status).as("Camunda login of " + user).isEqualTo(200L);
    browser.get(url("/camunda/app/welcome/default/"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), user.equals("agent1") ? "Tasklist" : "催收看板"));
  }

  /** Types as a person would; where headless key events do not reach the field, sets it as AngularJS reads it. */
  private void type(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
    if (!text.equals(field.getAttribute("value"))) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
          + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
          + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text);
    }
  }

  private void logOut() {
    browser.manage().deleteAllCookies();
  }

  /** The value of the dashboard tile with this label, once the page has loaded. */
  private String tile(String label) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
    return browser.findElements(By.cssSelector("#tiles .tile")).stream()
        .filter(t -> t.findElement(By.className("label")).getText().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no tile " + label))
        .findElement(By.className("value")).getText();
  }

  /** Non-transparent pixels on the card's canvas, read back from the browser. */
  private long drawnPixels(String chart) {
    Object n = ((JavascriptExecutor) browser).executeScript(
        "const c = document.querySelector('#' + arguments[0] + ' canvas');"
            + "if (!c || !window.Chart || !Chart.getChart(c)) { return -1; }"
            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;", chart);
    return ((Number) n).longValue();
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
