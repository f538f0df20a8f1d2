package com.carloan.overdue.contact;

/**
 * Click-to-dial without showing the number (隐号外呼): the dialler rings the agent's extension and bridges it to
 * the borrower, so the agent never sees the number. {@code collections.dialler.provider}: {@code local} (records
 * what would have been dialled), {@code http} (the call centre's API) or {@code none}, where agents fall back to
 * the audited reveal of the number ({@code GET /api/cases/{loanId}/phone}).
 */
public interface Dialler {

  /** The call the dialler placed, by its own id. */
  record Dialled(String callId) {
  }

  /**
   * @param reference ours, unique per dial: a repeated reference is the same call
   * @throws DialFailed when the dialler did not take the call
   */
  Dialled dial(String reference, String loanId, String agentUserId, String phone);

  /** The dialler did not take the call; nothing was placed. */
  class DialFailed extends RuntimeException {
    public DialFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
