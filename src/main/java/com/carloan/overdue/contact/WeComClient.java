package com.carloan.overdue.contact;

/** The company's WeCom (企业微信) account: "contact me" entries that borrowers add. */
public interface WeComClient {

  /**
   * Creates a "contact me" entry (联系我) whose {@code state} comes back in the add-contact callback,
   * so the callback finds the case. The borrower adds the case owner's own WeCom account (their user id is
   * the WeCom user id), or, for a case waiting in its team's pool, the configured team accounts.
   */
  ContactWay createContactWay(String loanId, String state, String ownerUserId);

  /** An entry of the configured team accounts, for a case that has no owner yet. */
  default ContactWay createContactWay(String loanId, String state) {
    return createContactWay(loanId, state, null);
  }

  record ContactWay(String configId, String url) {}
}
