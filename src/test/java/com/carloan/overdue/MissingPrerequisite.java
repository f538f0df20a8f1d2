package com.carloan.overdue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * What a test needs from the machine and did not find. On a developer's machine the tests that need it
 * are skipped, with one line in the build output saying what is missing and how to install it; on CI
 * ({@code CI=true}, where .ci/run installs everything) they fail instead, so nothing is skipped unseen.
 */
public final class MissingPrerequisite {

  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  private MissingPrerequisite() {}

  /**
   * @param tests which tests, e.g. "Browser tests"
   * @param missing what is missing and how to install it
   */
  public static ConditionEvaluationResult skipOrFail(String tests, String missing) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(tests + " cannot run, and CI=true does not skip them: " + missing);
    }
    String line = tests + " skipped: " + missing;
    if (SAID.add(line)) {
      System.out.println("[WARNING] " + line);
    }
    return ConditionEvaluationResult.disabled(line);
  }
}
