package com.carloan.overdue.process;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The settings the model reads, as {@code ${caseSettings.reminderWait}} and the like: timer durations and the
 * number of contact requests come from {@code collections.*} in application.yaml each time a timer or gateway
 * needs them, instead of being copied into every case as variables. A case still on an earlier version of the
 * model, which read them from variables, keeps the copies it was started with.
 */
@Component("caseSettings")
public class CaseSettings {

  private final CollectionSettings settings;

  CaseSettings(CollectionSettings settings) {
    this.settings = settings;
  }

  /** ISO-8601 duration of the reminder's wait for payment ({@code reminderWait}). */
  public String getReminderWait() {
    return settings.timers().reminderWait();
  }

  /** ISO-8601 duration of the wait for the borrower's WeCom add ({@code contactWait}). */
  public String getContactWait() {
    return settings.timers().contactWait();
  }

  /** ISO-8601 duration the borrower has to answer during verification and negotiation ({@code negotiationTimeout}). */
  public String getNegotiationTimeout() {
    return settings.timers().negotiationTimeout();
  }

  /** How many contact requests are sent before the case escalates with NO_CONTACT ({@code maxContactAttempts}). */
  public int getMaxContactAttempts() {
    return settings.maxContactAttempts();
  }

  /** The grace after each installment's due date before the payments are checked ({@code installmentGrace}). */
  public Duration installmentGrace() {
    return CollectionSettings.Timers.parse(settings.timers().installmentGrace());
  }
}
