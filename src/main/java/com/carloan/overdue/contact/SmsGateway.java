package com.carloan.overdue.contact;

/**
 * The SMS provider. {@code reference} is the outbox id: a provider sees the same reference again only
 * when the application resends after a crash, and must not deliver it twice.
 */
public interface SmsGateway {

  void send(String reference, String loanId, String phone, String text);
}
