package com.carloan.overdue.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The engine REST API and the webapps authenticate and serve the engine registered last under its name
 * in the JVM's static {@link ProcessEngines} registry. With several cached test contexts that is the
 * context started last, not necessarily the test's own: a call would sign in, and count a failed
 * login, against another context's database. Before every test, its context's engine is the one served.
 */
class ServeThisContextsEngine implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
