package com.carloan.overdue.contact;

/** The company's WeCom (企业微信) account: "contact me" entries that borrowers add. */
public interface WeComClient {

  /**
   * Creates a "contact me" entry (联系我) whose {@code state} comes back in the add-contact callback,
   * so the callback finds the case.
   */
  ContactWay createContactWay(String loanId, String state);

  record ContactWay(String configId, String url) {}
}
