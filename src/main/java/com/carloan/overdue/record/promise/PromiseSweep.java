package com.carloan.overdue.record.promise;

import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_DATE;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_ID;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_PAID;
import static com.carloan.overdue.process.CaseVariables.MESSAGE_PROMISE_BROKEN;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.record.promise.PromiseTerms.Status;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the promises to pay that fell due (CONTRACT §5) on business time: every node runs it every
 * {@code collections.promises.sweep-interval} and once shortly after start, so promises that fell due while
 * the application was down are decided then, by the payments up to their due moment. Each promise is decided
 * in its own transaction under a lock on its row, so once even with two nodes; a broken one sends message
 * {@code PromiseBroken} to its case in the same transaction, which opens {@code followUpPromise} for the
 * owner beside whatever the case is doing.
 */
@Component
public class PromiseSweep {

  private static final Logger log = LoggerFactory.getLogger(PromiseSweep.class);
  private static final int BATCH = 200;

  private final Promises promises;
  private final LoanCases cases;
  private final RuntimeService runtime;
  private final BusinessClock clock;
  private final TransactionTemplate transaction;

  PromiseSweep(Promises promises, LoanCases cases, RuntimeService runtime, BusinessClock clock,
      PlatformTransactionManager transactions) {
    this.promises = promises;
    this.cases = cases;
    this.runtime = runtime;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What one sweep decided. */
  public record Swept(int kept, int broken) {
  }

  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${collections.promises.sweep-interval:PT5M}")
  void scheduled() {
    Swept swept = run();
    if (swept.kept() + swept.broken() > 0) {
      log.info("Promise sweep: {} promises kept, {} broken", swept.kept(), swept.broken());
    }
  }

  /** Every promise due at the business clock's now. */
  public Swept run() {
    int kept = 0;
    int broken = 0;
    List<Long> due = promises.fallenDue(clock.now(), BATCH);
    while (!due.isEmpty()) {
      for (long promiseId : due) {
        Optional<Status> decided = safely(promiseId);
        kept += decided.filter(Status.KEPT::equals).isPresent() ? 1 : 0;
        broken += decided.filter(Status.BROKEN::equals).isPresent() ? 1 : 0;
      }
      due = due.size() < BATCH ? List.of() : promises.fallenDue(clock.now(), BATCH);
    }
    return new Swept(kept, broken);
  }

  private Optional<Status> safely(long promiseId) {
    try {
      return transaction.execute(status -> decide(promiseId));
    } catch (RuntimeException e) {
      // stays OPEN for the next sweep; the others go on
      log.warn("Promise sweep could not decide promise {}: {}", promiseId, e.toString());
      return Optional.empty();
    }
  }

  private Optional<Status> decide(long promiseId) {
    Optional<Promises.Decided> decided = promises.decide(promiseId, clock.now());
    decided.filter(d -> d.status() == Status.BROKEN).ifPresent(this::followUp);
    return decided.map(Promises.Decided::status);
  }

  private void followUp(Promises.Decided d) {
    String processInstanceId = cases.findById(d.caseId()).orElseThrow().processInstanceId();
    // correlateAll: a case that already ended or is being archived has nothing left to follow up
    int opened = runtime.createMessageCorrelation(MESSAGE_PROMISE_BROKEN).processInstanceId(processInstanceId)
        .setVariables(Variables.createVariables()
            .putValue(BROKEN_PROMISE_ID, d.promiseId())
            .putValue(BROKEN_PROMISE_AMOUNT, d.amount().doubleValue())
            .putValue(BROKEN_PROMISE_DATE, d.date().toString())
            .putValue(BROKEN_PROMISE_PAID, d.paid().doubleValue()))
        .correlateAllWithResult().size();
    log.info("Promise {} of loan {} broken: {} of {} paid{}", d.promiseId(), d.loanId(), d.paid(), d.amount(),
        opened == 0 ? "; the case has ended" : "; followUpPromise opened");
  }
}
