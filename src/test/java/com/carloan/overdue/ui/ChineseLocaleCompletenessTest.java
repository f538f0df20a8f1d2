package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps our Chinese locale as complete as the English one the webjar ships. After a Camunda upgrade
 * this fails on every label the new en.json added, removed or re-worded placeholders in, so the
 * Chinese files are brought up to date before agents see English fragments. One run per webapp:
 * Tasklist and its login (welcome) for agents, Cockpit for supervisors and process owners, Admin
 * for administrators; a failure names the app and the labels the upgrade added or changed.
 */
class ChineseLocaleCompletenessTest {

  private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar";

  /**
   * Left as in English on purpose: the product's name, literal values a variable or a field can
   * show (null, &lt;undefined&gt;), file formats (JSON) and input patterns the user types
   * (YYYY-MM-DDTHH:mm:ss), and Cockpit's &lt;Operation&gt;, &lt;definition&gt;, &lt;version&gt; stand-ins,
   * which the placeholder check treats as markup to keep.
   */
  private static final Set<String> KEPT_AS_IS = Set.of(
      "labels.APP_VENDOR",
      "labels.CAM_WIDGET_VARIABLES_TABLE_NULL",
      "labels.CAM_WIDGET_VARIABLE_NULL",
      "labels.CAM_WIDGET_VARIABLE_UNDEFINED",
      "labels.DECISION_DEFINITION_NULL",
      "labels.DECISION_INSTANCE_NULL",
      "labels.PLGN_CLUP_STATS_TTL_NULL",
      "labels.PLGN_CS_NULL",
      "labels.PLGN_DRD_NULL",
      "labels.PLGN_SKE_NULL",
      "labels.PROCESS_DEFINITION_NULL",
      "labels.PROCESS_INSTANCE_NULL",
      "labels.REPOSITORY_DEPLOYMENTS_NULL",
      "labels.TIME_TO_LIVE_NULL",
      "labels.PLGN_REP_JSON",
      "labels.PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER",
      "labels.PLGN_BATCH_OPERATION_OPTION",
      "labels.PLGN_MIG_DEFINITION",
      "labels.PLGN_MIG_VERSION",
      "dateLocales.longDateFormat.LT");

  /** Angular interpolations, HTML markup and moment.js substitutions: text the UI fills or renders. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}|<[^<>]+>|%[sd]");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void chineseHasEveryLabelTheShippedEnglishHas(String app) {
    Set<String> missing = new TreeSet<>(english(app).keySet());
    missing.removeAll(chinese(app).keySet());

    assertThat(missing).as("labels of the shipped %s/locales/en.json missing in our zh.json", app)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void chineseHasNoLabelTheShippedEnglishLacks(String app) {
    Set<String> extra = new TreeSet<>(chinese(app).keySet());
    extra.removeAll(english(app).keySet());

    assertThat(extra).as("labels in our %s zh.json that the shipped en.json no longer has", app)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void chineseKeepsEveryPlaceholderAndTag(String app) {
    Map<String, String> english = english(app);
    List<String> differing = new ArrayList<>();
    chinese(app).forEach((key, zh) -> {
      String en = english.get(key);
      if (en != null && !placeholders(en).equals(placeholders(zh))) {
        differing.add(key + ": en " + placeholders(en) + ", zh " + placeholders(zh));
      }
    });

    assertThat(differing).as("%s labels whose placeholders or markup differ", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyWordyLabelIsTranslated(String app) {
    Map<String, String> english = english(app);
    List<String> untranslated = new ArrayList<>();
    chinese(app).forEach((key, zh) -> {
      String en = english.get(key);
      if (en == null || KEPT_AS_IS.contains(key)) {
        return;
      }
      if (!en.isBlank() && zh.isBlank()) {
        untranslated.add(key + " is empty");
      } else if (letters(en) > 3 && (zh.equals(en) || isLabel(key) && !hasChinese(zh))) {
        untranslated.add(key + " = \"" + zh + "\"");
      }
    });

    assertThat(untranslated).as("%s labels not translated into Chinese", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void configOffersChineseWithEnglishAsFallback(String app) {
    String config = text(ours(app + "/scripts/config.js"));
    assertThat(config).as("%s config.js takes the locales every app shares", app)
        .contains("from '../../collections/webapp-settings.js'").containsPattern("\\n\\s*locales,");

    String shared = text(ours("collections/webapp-settings.js"));
    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]").matcher(shared);
    assertThat(available.find()).as("webapp-settings.js declares availableLocales").isTrue();
    assertThat(available.group(1)).contains("'zh'").contains("'en'");
    assertThat(shared).containsPattern("fallbackLocale\\s*:\\s*'en'");
  }

  /** The webapps read every locale file from the classpath; en.json must stay the shipped one. */
  private Map<String, String> english(String app) {
    URL url = resource(app + "/locales/en.json");
    assertThat(url.toString()).as("%s en.json comes from the webjar", app).contains(WEBJAR);
    return flatten(read(url));
  }

  private Map<String, String> chinese(String app) {
    return flatten(read(ours(app + "/locales/zh.json")));
  }

  /** Our file, which must be the one the classpath (and so the webapp) resolves first. */
  private static URL ours(String path) {
    URL url = resource(path);
    assertThat(url.toString()).as("%s resolves to our copy, not the webjar's", path)
        .doesNotContain(WEBJAR);
    return url;
  }

  private static URL resource(String path) {
    URL url = ChineseLocaleCompletenessTest.class.getClassLoader().getResource(WEBAPPS + path);
    assertThat(url).as("classpath resource %s", WEBAPPS + path).isNotNull();
    return url;
  }

  private JsonNode read(URL url) {
    try (InputStream in = url.openStream()) {
      return json.readTree(in); // the shipped files start with a UTF-8 BOM, which Jackson skips
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nested keys joined with dots, array elements by index: labels.CLAIM_TASK, dateLocales.months.0. */
  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + i + ".", node.get(i), flat);
      }
    } else {
      flat.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }

  private static Set<String> placeholders(String label) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(label);
    while (matcher.find()) {
      found.add(matcher.group(1) != null ? "{{" + matcher.group(1) + "}}" : matcher.group());
    }
    return Collections.unmodifiableSet(found);
  }

  /** UI text, as opposed to the date patterns in dateLocales, which need no Chinese characters. */
  private static boolean isLabel(String key) {
    return key.startsWith("labels.");
  }

  private static long letters(String text) {
    return text.codePoints().filter(Character::isLetter).count();
  }

  private static boolean hasChinese(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
