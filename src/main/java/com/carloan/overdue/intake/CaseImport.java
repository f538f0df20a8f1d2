package com.carloan.overdue.intake;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a day's overdue list from a CSV file in two passes over the file, never holding its rows:
 * the first checks every row and refuses the whole file if any row is bad; the second opens the
 * cases in batches, one transaction each. A loan with an active case is skipped, so running the same
 * file again after a crash opens exactly the cases the crash left out.
 *
 * <p>The second pass opens batches on {@code collections.import.lanes} threads at once. Allocation locks a
 * case's team until the case's batch commits, so two batches with cases of one team would run one after the
 * other (and two sharing two teams could deadlock): each lane takes the rows of its own teams, the teams
 * spread over the lanes by their number of rows, and a lane opens its batches one after the other. The team
 * of a row is the routing's hint ({@link ImportRouting}); where a hint is wrong, batches wait or fail and are
 * opened row by row, which costs time, never a case. The reading stays at most two batches per lane ahead.
 */
@Service
class CaseImport {

  static final String ACTIVE_CASE = "the loan already has an active case";

  private static final Logger log = LoggerFactory.getLogger(CaseImport.class);
  /** Batches of a lane in hand at once: the one it opens and the next one, read ahead. */
  private static final int BATCHES_IN_HAND = 2;

  private final CaseIntakeService intake;
  private final TransactionTemplate transaction;
  private final ImportSettings settings;
  private final ImportRouting routing;

  CaseImport(CaseIntakeService intake, PlatformTransactionManager transactions, ImportSettings settings,
      ImportRouting routing) {
    this.intake = intake;
    this.transaction = new TransactionTemplate(transactions);
    this.settings = settings;
    this.routing = routing;
  }

  /**
   * @throws RequestRejected 400 with every bad row when any row is bad; nothing was opened then
   */
  ImportResult run(SpooledBody file) throws IOException {
    Function<CaseIntake, String> teamOf = routing.teamsForThisImport();
    // the team of each data row, in file order: evaluated once, in the first pass; one string per team, a
    // reference per row
    Map<String, Integer> rowsPerTeam = new HashMap<>();
    Map<String, String> teams = new HashMap<>();
    List<String> teamOfRow = new ArrayList<>();
    int rows = check(file, intake -> {
      String team = teams.computeIfAbsent(teamOf.apply(intake), t -> t);
      rowsPerTeam.merge(team, 1, Integer::sum);
      teamOfRow.add(team);
    });
    Map<String, Integer> laneOfTeam = lanes(rowsPerTeam, settings.lanes());
    Progress progress = new Progress(rows);
    List<Lane> lanes = IntStream.range(0, settings.lanes()).mapToObj(n -> new Lane(n + 1, progress)).toList();
    try (CsvCaseRows csv = CsvCaseRows.open(file.open())) {
      int index = 0;
      for (CsvCaseRows.Row row = csv.next(); row != null && !progress.stopped(); row = csv.next(), index++) {
        lanes.get(laneOfTeam.getOrDefault(teamOfRow.get(index), 0)).add(row);
      }
      lanes.forEach(Lane::flush);
    } catch (CsvReader.MalformedCsv e) {
      throw new IllegalStateException("The file changed between the two passes", e);
    } finally {
      lanes.forEach(Lane::finish);
    }
    if (progress.stop != null) {
      throw progress.stop.rejected(progress.imported());
    }
    log.info("Import finished: {} rows, {} cases opened, {} skipped", rows, progress.imported(),
        progress.skipped().size());
    return new ImportResult(progress.imported(), progress.skipped());
  }

  /** The teams spread over the lanes, the largest first, each to the lane with the fewest rows so far. */
  static Map<String, Integer> lanes(Map<String, Integer> rowsPerTeam, int lanes) {
    int[] load = new int[lanes];
    Map<String, Integer> laneOf = new HashMap<>();
    rowsPerTeam.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(team -> {
          int lightest = 0;
          for (int lane = 1; lane < lanes; lane++) {
            lightest = load[lane] < load[lightest] ? lane : lightest;
          }
          load[lightest] += team.getValue();
          laneOf.put(team.getKey(), lightest);
        });
    return laneOf;
  }

  /** First pass: every row valid, no loan twice; each valid row's intake goes to {@code valid}. @return the number of data rows */
  private int check(SpooledBody file, Consumer<CaseIntake> valid) throws IOException {
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
        } else {
          valid.accept(row.intake());
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
          throw new Stopped(row, conflict);
        }
        progress.add(new Outcome(row, false));
      } catch (RuntimeException failure) {
        throw new Stopped(row, failure);
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

  /** The first row a lane could neither open nor skip: the import stops there, after the batches under way. */
  private static final class Stopped extends RuntimeException {
    final transient CsvCaseRows.Row row;

    Stopped(CsvCaseRows.Row row, RuntimeException cause) {
      super(cause);
      this.row = row;
    }

    RequestRejected rejected(int imported) {
      // the stack trace follows from the API's error handler
      log.error("Import stopped at row {} (loan {}) after opening {} cases: {}", row.row(), row.intake().loanId(),
          imported, getCause().getClass().getSimpleName());
      return new RequestRejected(HttpStatus.INTERNAL_SERVER_ERROR, "The import stopped at row " + row.row()
          + " after opening " + imported + " cases. Nothing is lost: run the same file again, and the loans "
          + "opened already are skipped.", List.of(), (RuntimeException) getCause());
    }
  }

  /**
   * A thread that opens its teams' batches one after the other, in hand at most {@value #BATCHES_IN_HAND}
   * batches: adding a row to a full lane waits until it has opened one.
   */
  private final class Lane {
    private final int number;
    private final Progress progress;
    private final ExecutorService thread;
    private final Semaphore inHand = new Semaphore(BATCHES_IN_HAND);
    private List<CsvCaseRows.Row> batch = new ArrayList<>();

    Lane(int number, Progress progress) {
      this.number = number;
      this.progress = progress;
      ExecutorService single = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-lane-" + number));
      // the lane opens cases as the caller, as the caller's own thread would
      this.thread = new DelegatingSecurityContextExecutorService(single);
    }

    void add(CsvCaseRows.Row row) {
      batch.add(row);
      if (batch.size() == settings.batchSize()) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<CsvCaseRows.Row> full = batch;
      batch = new ArrayList<>(settings.batchSize());
      inHand.acquireUninterruptibly();
      thread.execute(() -> {
        try {
          if (!progress.stopped()) {
            open(full, progress);
            log.info("Import: {} of {} rows done, {} cases opened (lane {})", progress.done(), progress.rows,
                progress.imported(), number);
          }
        } catch (Stopped stop) {
          progress.stop(stop);
        } catch (RuntimeException unexpected) {
          progress.stop(new Stopped(full.get(0), unexpected));
        } finally {
          inHand.release();
        }
      });
    }

    /** Waits until the lane has opened what it has in hand, or stopped: the batches under way decide what is opened. */
    void finish() {
      thread.shutdown();
      boolean interrupted = false;
      while (!thread.isTerminated()) {
        try {
          thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Outcome(CsvCaseRows.Row row, boolean opened) {}

  /** What the lanes have done, shared by them. */
  private static final class Progress {
    final int rows;
    private int done;
    private int imported;
    private final List<ImportResult.Skipped> skipped = new ArrayList<>();
    private volatile Stopped stop;

    Progress(int rows) {
      this.rows = rows;
    }

    synchronized void add(Outcome outcome) {
      done++;
      if (outcome.opened()) {
        imported++;
      } else {
        skipped.add(new ImportResult.Skipped(outcome.row().row(), outcome.row().intake().loanId(), ACTIVE_CASE));
      }
    }

    synchronized int done() {
      return done;
    }

    synchronized int imported() {
      return imported;
    }

    /** The skipped rows in the order of the file. */
    synchronized List<ImportResult.Skipped> skipped() {
      return skipped.stream().sorted(Comparator.comparingLong(ImportResult.Skipped::row)).toList();
    }

    synchronized void stop(Stopped first) {
      if (stop == null) {
        stop = first;
      }
    }

    boolean stopped() {
      return stop != null;
    }
  }
}
