package com.carloan.overdue.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.DayOfWeek;
import java.util.regex.Pattern;

/**
 * One locale file of a Camunda webapp, read from the classpath exactly where the webapp fetches it
 * ({@code app/<app>/locales/<locale>.json}: ours for zh, the webjar's for en). Browser tests look
 * labels up by key, so they stay true when a translation is re-worded.
 */
final class WebappLocale {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  private final String file;
  private final JsonNode root;

  private WebappLocale(String file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /**
   * @param app tasklist or welcome
   * @param locale zh or en
   */
  static WebappLocale of(String app, String locale) {
    String file = String.format(LOCALES, app, locale);
    URL url = WebappLocale.class.getClassLoader().getResource(file);
    if (url == null) {
      throw new IllegalStateException("no " + file + " on the classpath");
    }
    try (InputStream in = url.openStream()) {
      return new WebappLocale(file, new ObjectMapper().readTree(in)); // Jackson skips the shipped files' BOM
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The label as the file has it. */
  String label(String key) {
    JsonNode label = root.path("labels").path(key);
    if (!label.isTextual()) {
      throw new IllegalArgumentException(file + " has no label " + key);
    }
    return label.asText();
  }

  /** The label as a browser shows it: without its markup. */
  String text(String key) {
    return label(key).replaceAll("<[^<>]+>", "").trim();
  }

  /** The weekday's name ({@code dddd} in a moment.js date format). */
  String weekday(DayOfWeek day) {
    return dateLocale("weekdays").get(day.getValue() % 7).asText();
  }

  /** Whether the text is a relative time as this locale words it: "3 分钟前", "in 2 hours". */
  boolean isRelativeTime(String text) {
    return relative("past").matcher(text).matches() || relative("future").matcher(text).matches();
  }

  private Pattern relative(String tense) {
    String[] around = dateLocale("relativeTime").path(tense).asText().split("%s", -1);
    return Pattern.compile(Pattern.quote(around[0]) + ".+" + Pattern.quote(around[1]));
  }

  private JsonNode dateLocale(String name) {
    JsonNode node = root.path("dateLocales").path(name);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException(file + " has no dateLocales." + name);
    }
    return node;
  }
}
