package com.carloan.overdue.contact;

/** How an outbound attempt reaches the borrower. */
public enum Channel {
  SMS,
  CALL
}
