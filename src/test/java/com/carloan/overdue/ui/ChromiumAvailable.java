package com.carloan.overdue.ui;

import com.carloan.overdue.MissingPrerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The browser tests run where Debian's Chromium and chromedriver are installed, before any Spring context starts. */
class ChromiumAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    for (String program : new String[] {Browser.CHROMIUM, Browser.CHROMEDRIVER}) {
      if (!Files.isExecutable(Path.of(program))) {
        return MissingPrerequisite.skipOrFail("Browser tests", program
            + " not found — install with: apt-get install chromium chromium-driver");
      }
    }
    return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
  }
}
