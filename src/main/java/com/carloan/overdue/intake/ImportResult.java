package com.carloan.overdue.intake;

import java.util.List;

/** The answer to an import: how many cases were opened, and which rows were skipped and why. */
record ImportResult(int imported, List<Skipped> skipped) {

  record Skipped(long row, String loanId, String reason) {}
}
