package com.carloan.overdue.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. Both paths are given, so
 * Selenium Manager never runs and nothing is downloaded. The browser lives in Asia/Shanghai, like
 * the agents and the business clock, so the date pickers' "today" is the process's today.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("ui.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("ui.chromedriver", "/usr/bin/chromedriver");
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  static {
    // Selenium's CDP bindings trail Debian's Chromium; the version warning is noise here.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final String engine;
  private final Path screenshots;
  private final Path downloads;
  private int shots;

  private Browser(ChromeDriver driver, String baseUrl, String engine, Path screenshots, Path downloads) {
    this.driver = driver;
    this.wait = waiting(TIMEOUT);
    this.baseUrl = baseUrl;
    this.engine = engine;
    this.screenshots = screenshots;
    this.downloads = downloads;
  }

  /**
   * @param engine the process engine the webapps open ({@code /camunda/app/tasklist/<engine>/})
   * @param language the browser's language, as a person sets it (en-US, zh-CN)
   * @param name where this browser's screenshots go: {@code target/screenshots/<name>/}
   */
  public static Browser start(String baseUrl, String engine, String language, String name) {
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    Path screenshots = target.resolve("screenshots").resolve(name);
    Path downloads = target.resolve("downloads").resolve(name);
    try {
      // Only this run's pictures: a renamed or removed screen must not linger from an earlier run.
      for (Path folder : List.of(screenshots, downloads)) {
        if (Files.isDirectory(folder)) {
          try (var old = Files.list(folder)) {
            for (Path file : old.toList()) {
              Files.delete(file);
            }
          }
        }
      }
      Files.createDirectories(screenshots);
      Files.createDirectories(downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--lang=" + language);
    // The pages' language (navigator.languages, Accept-Language), by which the webapps pick their
    // locale, comes from intl.accept_languages (or --accept-lang); headless, --lang alone leaves them en-US.
    options.setExperimentalOption("prefs", Map.of(
        "intl.accept_languages", language,
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "plugins.always_open_pdf_externally", true));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", language.replace('-', '_')))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    return new Browser(driver, baseUrl, engine, screenshots, downloads);
  }

  public WebDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Path downloads() {
    return downloads;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Opens a webapp of the test's engine, e.g. {@code openApp("cockpit", "#/processes")}. */
  public void openApp(String app, String route) {
    open("/camunda/app/" + app + "/" + engine + "/" + route);
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Opens a webapp ("tasklist", "cockpit") at its login page and signs in; does not wait for success. */
  public void submitLogin(String app, String userId, String password) {
    openApp(app, "");
    until(d -> d.getCurrentUrl().contains("/login"));
    settle();
    // The login view may still be re-rendered once the app has started: type until the values stay.
    until(d -> {
      boolean typed = typeInto(USERNAME, userId) & typeInto(PASSWORD, password);
      settle();
      return typed && userId.equals(value(USERNAME)) && password.equals(value(PASSWORD));
    });
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
  }

  private static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");

  private boolean typeInto(By field, String text) {
    WebElement input = visible(field);
    if (text.equals(input.getDomProperty("value"))) {
      return true;
    }
    input.clear();
    input.sendKeys(text);
    return false;
  }

  private String value(By field) {
    return driver.findElement(field).getDomProperty("value");
  }

  /** Waits until the webapp's AngularJS has no HTTP request in flight. */
  public void settle() {
    until(d -> Boolean.TRUE.equals(js("""
        var root = window.angular && document.querySelector('.ng-scope');
        var injector = root && window.angular.element(root).injector();
        return !!injector && injector.get('$http').pendingRequests.length === 0;""")));
  }

  /** Signs in (demo password = user id) and waits until the login form has gone. */
  public void login(String app, String userId) {
    submitLogin(app, userId, userId);
    until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
  }

  /** Forgets the session: the next test starts at a login page, in one tab. */
  public void signOut() {
    String first = driver.getWindowHandles().iterator().next();
    for (String tab : driver.getWindowHandles()) {
      if (!tab.equals(first)) {
        driver.switchTo().window(tab).close();
      }
    }
    driver.switchTo().window(first);
    if (driver.getCurrentUrl().startsWith(baseUrl)) {
      js("window.localStorage.clear(); window.sessionStorage.clear();");
    }
    driver.manage().deleteAllCookies();
    driver.get("about:blank");
  }

  public WebElement visible(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return until(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Scrolls the element to the middle of the window, clear of Tasklist's header and footer. */
  public WebElement inView(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    return element;
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  public <T> T until(Function<? super WebDriver, T> condition) {
    return wait.until(condition);
  }

  public <T> T until(Duration timeout, Function<? super WebDriver, T> condition) {
    return waiting(timeout).until(condition);
  }

  // AngularJS re-renders lists while a condition looks at them: a vanished element means "not yet".
  private WebDriverWait waiting(Duration timeout) {
    WebDriverWait waiting = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    waiting.ignoring(StaleElementReferenceException.class);
    return waiting;
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves what the browser shows now as {@code NN-name.png}, numbered in the order taken. */
  public Path screenshot(String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
    try {
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A screenshot and the page source of a failed test, beside the other screenshots. */
  void keepFailure(String testName) {
    try {
      screenshot("FAILED-" + testName);
      Files.writeString(screenshots.resolve(String.format("%02d-FAILED-%s.html", shots, testName)),
          driver.getPageSource());
    } catch (RuntimeException | IOException e) {
      // the failure itself is what the report must show
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
