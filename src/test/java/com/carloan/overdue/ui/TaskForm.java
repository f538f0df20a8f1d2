package com.carloan.overdue.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A Camunda Form in Tasklist, filled in by field key as the form file under {@code processes/forms/}
 * defines it. form-js renders each field with the DOM id {@code fjs-form-<random>-<component id>},
 * and a select shows its options by label: both come from the form file, so the test names only
 * keys and values, like the process does.
 */
public final class TaskForm {

  private static final Map<String, JsonNode> FORMS = loadForms();

  private final Browser browser;
  private final WebElement form;
  private final Map<String, JsonNode> fieldsByKey = new HashMap<>();

  TaskForm(Browser browser, WebElement form, String formId) {
    this.browser = browser;
    this.form = form;
    JsonNode definition = FORMS.get(formId);
    if (definition == null) {
      throw new IllegalArgumentException("no form " + formId + " under processes/forms/");
    }
    collect(definition.path("components"));
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fieldsByKey.put(component.get("key").asText(), component);
      }
      collect(component.path("components"));
    }
  }

  /** What the form shows, as a person reads it. */
  public String text() {
    return form.getText();
  }

  /** The label the form shows for the field, without the mark of a required one. */
  public String label(String key) {
    By byFor = By.cssSelector("label[for$='-" + field(key).path("id").asText() + "']");
    return form.findElement(byFor).getText().replaceFirst("\\s*\\*$", "").trim();
  }

  /** The field's label as the form file defines it. */
  public String definedLabel(String key) {
    return field(key).path("label").asText();
  }

  /** The read-only case context at the top of every form. */
  public String caseContext() {
    return form.findElement(By.cssSelector(".case")).getText();
  }

  /** Picks the option whose value is {@code value}, by the label the form shows for it. */
  public TaskForm select(String key, String value) {
    String label = null;
    for (JsonNode option : field(key).path("values")) {
      if (option.path("value").asText().equals(value)) {
        label = option.path("label").asText();
      }
    }
    if (label == null) {
      throw new IllegalArgumentException(key + " has no option " + value);
    }
    String optionLabel = label;
    input(key, "-display").click();
    WebElement option = browser.until(d -> form.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().trim().equals(optionLabel)).findFirst().orElse(null));
    browser.inView(option).click();
    browser.until(d -> input(key, "-display").getText().trim().equals(optionLabel));
    return this;
  }

  /** Types into a text, text area or number field, replacing what was there. */
  public TaskForm type(String key, String text) {
    WebElement input = input(key, "");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
    return this;
  }

  public TaskForm check(String key, boolean checked) {
    WebElement box = input(key, "");
    if (box.isSelected() != checked) {
      box.click();
    }
    return this;
  }

  /** Types a date into a date picker the way it asks for it (mm/dd/yyyy), then Enter. */
  public TaskForm date(String key, java.time.LocalDate date) {
    WebElement input = input(key, "-date");
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(String.format("%02d/%02d/%d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
    input.sendKeys(Keys.ENTER);
    return this;
  }

  public String value(String key) {
    return input(key, "").getDomProperty("value");
  }

  /** The fields the form marks as wrong, by key, with the message it shows. */
  public Map<String, String> errors() {
    Map<String, String> errors = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : fieldsByKey.entrySet()) {
      List<WebElement> message = form.findElements(
          By.cssSelector("[id$='-" + field.getValue().path("id").asText() + "-error-message']"));
      if (!message.isEmpty() && !message.get(0).getText().isBlank()) {
        errors.put(field.getKey(), message.get(0).getText().trim());
      }
    }
    return errors;
  }

  private JsonNode field(String key) {
    JsonNode field = fieldsByKey.get(key);
    if (field == null) {
      throw new IllegalArgumentException("the form has no field " + key + "; it has " + fieldsByKey.keySet());
    }
    return field;
  }

  private WebElement input(String key, String suffix) {
    By byId = By.cssSelector("[id$='-" + field(key).path("id").asText() + suffix + "']");
    return browser.inView(browser.until(d -> form.findElements(byId).stream().filter(WebElement::isDisplayed)
        .findFirst().orElse(null)));
  }

  private static Map<String, JsonNode> loadForms() {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> forms = new HashMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:processes/forms/*.form")) {
        try (InputStream in = file.getInputStream()) {
          JsonNode form = json.readTree(in);
          forms.put(form.path("id").asText(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }
}
