package com.carloan.overdue.ui;

/** Cockpit, Admin and the form renderer for a browser set to English: the shipped texts. */
class EnglishSupervisorWebappsTest extends SupervisorWebappsTest {

  @Override
  protected String locale() {
    return "en";
  }

  @Override
  protected String requiredMessage() {
    return "Field is required."; // form-js's own message
  }
}
