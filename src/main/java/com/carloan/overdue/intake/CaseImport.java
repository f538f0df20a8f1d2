package com.carloan.overdue.intake;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a day's overdue list from a CSV file in two passes over the file, never holding its rows:
 * the first checks every row and refuses the whole file if any row is bad; the second opens the
 * cases in batches, one transaction each. A loan with an active case is skipped, so running the same
 * file again after a crash opens exactly the cases the crash left out.
 */
@Service
class CaseImport {

  static final String ACTIVE_CASE = "the loan already has an active case";

  private static final Logger log = LoggerFactory.getLogger(CaseImport.class);

  private final CaseIntakeService intake;
  private final TransactionTemplate transaction;
  private final ImportSettings settings;

  CaseImport(CaseIntakeService intake, PlatformTransactionManager transactions, ImportSettings settings) {
    this.intake = intake;
    this.transaction = new TransactionTemplate(transactions);
    this.settings = settings;
  }

  /**
   * @throws RequestRejected 400 with every bad row when any row is bad; nothing was opened then
   */
  ImportResult run(SpooledBody file) throws IOException {
    int rows = check(file);
    Progress progress = new Progress();
    try (CsvCaseRows csv = CsvCaseRows.open(file.open())) {
      List<CsvCaseRows.Row> batch = new ArrayList<>(settings.batchSize());
      for (CsvCaseRows.Row row = csv.next(); row != null; row = csv.next()) {
        batch.add(row);
        if (batch.size() == settings.batchSize()) {
          open(batch, progress);
          batch.clear();
          log.info("Import: {} of {} rows done, {} cases opened", progress.done, rows, progress.imported);
        }
      }
      open(batch, progress);
    } catch (CsvReader.MalformedCsv e) {
      throw new IllegalStateException("The file changed between the two passes", e);
    }
    log.info("Import finished: {} rows, {} cases opened, {} skipped", rows, progress.imported, progress.skipped.size());
    return new ImportResult(progress.imported, progress.skipped);
  }

  /** First pass: every row valid, no loan twice. @return the number of data rows */
  private int check(SpooledBody file) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Long> firstRowOf = new HashMap<>();
    int rows = 0;
    int badRows = 0;
    try (CsvCaseRows csv = CsvCaseRows.open(file.open())) {
      if (!csv.headerErrors().isEmpty()) {
        throw new RequestRejected(HttpStatus.BAD_REQUEST, "The header of the file is wrong; no case was opened",
            csv.headerErrors());
      }
      for (CsvCaseRows.Row row = csv.next(); row != null; row = csv.next()) {
        if (++rows > settings.maxRows()) {
          errors.add(new FieldError("file", "has more than " + settings.maxRows() + " rows", row.row()));
          badRows++;
          break;
        }
        List<FieldError> rowErrors = new ArrayList<>(row.errors());
        String loanId = row.intake() == null ? null : row.intake().loanId();
        if (loanId != null && IntakeValidation.isLoanId(loanId)) {
          Long first = firstRowOf.putIfAbsent(loanId, row.row());
          if (first != null) {
            rowErrors.add(new FieldError("loanId", "appears more than once in the file (first in row " + first + ")",
                row.row()));
          }
        }
        if (!rowErrors.isEmpty()) {
          errors.addAll(rowErrors);
          badRows++;
        }
      }
    } catch (CsvReader.MalformedCsv e) {
      errors.add(new FieldError("row", e.getMessage(), e.row()));
      badRows++;
    }
    if (!errors.isEmpty()) {
      throw new RequestRejected(HttpStatus.BAD_REQUEST,
          badRows + (badRows == 1 ? " row has" : " rows have") + " errors; no case was opened", errors);
    }
    return rows;
  }

  /** One transaction for the batch; if it fails, row by row, so that one conflict costs only its row. */
  private void open(List<CsvCaseRows.Row> batch, Progress progress) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<Outcome> outcomes = transaction.execute(status -> batch.stream().map(this::openOrSkip).toList());
      outcomes.forEach(progress::add);
      return;
    } catch (RuntimeException batchFailed) {
      log.info("Import: the batch from row {} failed ({}); opening its cases one by one", batch.get(0).row(),
          batchFailed.getClass().getSimpleName());
    }
    for (CsvCaseRows.Row row : batch) {
      try {
        progress.add(transaction.execute(status -> openOrSkip(row)));
      } catch (RequestRejected conflict) {
        if (conflict.status() != HttpStatus.CONFLICT) {
          throw stopped(row, progress, conflict);
        }
        progress.add(new Outcome(row, false));
      } catch (RuntimeException failure) {
        throw stopped(row, progress, failure);
      }
    }
  }

  private Outcome openOrSkip(CsvCaseRows.Row row) {
    if (intake.hasActiveCase(row.intake().loanId())) {
      return new Outcome(row, false);
    }
    intake.open(row.intake());
    return new Outcome(row, true);
  }

  private static RequestRejected stopped(CsvCaseRows.Row row, Progress progress, RuntimeException cause) {
    // the stack trace follows from the API's error handler
    log.error("Import stopped at row {} (loan {}) after opening {} cases: {}", row.row(), row.intake().loanId(),
        progress.imported, cause.getClass().getSimpleName());
    return new RequestRejected(HttpStatus.INTERNAL_SERVER_ERROR, "The import stopped at row " + row.row()
        + " after opening " + progress.imported + " cases. Nothing is lost: run the same file again, and the loans "
        + "opened already are skipped.", List.of(), cause);
  }

  private record Outcome(CsvCaseRows.Row row, boolean opened) {}

  private static final class Progress {
    int done;
    int imported;
    final List<ImportResult.Skipped> skipped = new ArrayList<>();

    void add(Outcome outcome) {
      done++;
      if (outcome.opened()) {
        imported++;
      } else {
        skipped.add(new ImportResult.Skipped(outcome.row().row(), outcome.row().intake().loanId(), ACTIVE_CASE));
      }
    }
  }
}
