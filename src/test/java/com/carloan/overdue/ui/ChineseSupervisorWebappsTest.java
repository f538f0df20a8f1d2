package com.carloan.overdue.ui;

/** Cockpit, Admin and the form renderer for a browser set to Chinese. */
class ChineseSupervisorWebappsTest extends SupervisorWebappsTest {

  @Override
  protected String language() {
    return "zh-CN";
  }

  @Override
  protected String locale() {
    return "zh";
  }

  @Override
  protected String requiredMessage() {
    return "此项为必填项。"; // tasklist/scripts/form-js-chinese.js
  }
}
