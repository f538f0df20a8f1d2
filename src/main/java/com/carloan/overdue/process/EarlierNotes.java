package com.carloan.overdue.process;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The case's "earlier notes" (process variable {@code caseNotes}), which every form shows: one line per
 * decision or collection note, newest last, the oldest cut off to stay a plain string variable.
 */
public final class EarlierNotes {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(com.carloan.overdue.common.BusinessClock.ZONE);
  // A string variable stays under 4000 characters; the archive keeps the full history of every task.
  private static final int MAX_LENGTH = 3500;

  private EarlierNotes() {}

  /** The line for what {@code who} did at {@code at} (Asia/Shanghai time), e.g. "2026-12-01 10:00 致电借款人 (agent1): …". */
  public static String line(Instant at, String step, String who, String what) {
    return TIME.format(at) + " " + step + (who == null ? "" : " (" + who + ")") + ": " + what;
  }

  /** A moment as the notes write it: yyyy-MM-dd HH:mm, Asia/Shanghai. */
  public static String time(Instant at) {
    return TIME.format(at);
  }

  /** Adds what {@code who} did at {@code at} to the case's earlier notes, where the forms show it. */
  public static void append(RuntimeService runtime, String processInstanceId, Instant at, String step, String who,
      String what) {
    String notes = (String) runtime.getVariable(processInstanceId, CaseVariables.CASE_NOTES);
    runtime.setVariable(processInstanceId, CaseVariables.CASE_NOTES, appended(notes, line(at, step, who, what)));
  }

  public static String appended(String notes, String line) {
    String all = notes == null || notes.isEmpty() ? line : notes + "\n" + line;
    return all.length() <= MAX_LENGTH ? all : "…" + all.substring(all.length() - MAX_LENGTH);
  }
}
