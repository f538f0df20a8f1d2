package com.carloan.overdue.intake;

import java.util.function.Function;

/**
 * Which team a case of an import will most likely go to, so that the import's parallel lanes each open the
 * cases of their own teams: allocation locks a case's team until its batch commits, and two lanes sharing a
 * team would wait for each other. A hint only: allocation decides; a wrong hint costs time, never a case.
 */
public interface ImportRouting {

  /** The team for each row of one import, read once from the decision deployed now. */
  Function<CaseIntake, String> teamsForThisImport();
}
