package com.carloan.overdue.allocation;

import static com.carloan.overdue.allocation.OwnershipChange.SYSTEM;

import com.carloan.overdue.allocation.Ownership.PoolReason;
import com.carloan.overdue.allocation.OwnershipChange.Kind;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to ownership as business time passes (CONTRACT §4): bucket moves (迁徙) when the days past due
 * cross 31, 61 and 91, the end of holding periods (留案期满), and the pools' cases once someone can take them.
 *
 * <p>Every node runs it every {@code collections.allocation.sweep-interval} and once shortly after start, so
 * it catches up on whatever fell due while the application was down. Each case is done in its own
 * transaction that first locks the case's row and looks again: a second node waits for the first and then
 * finds nothing left to do, so each move happens once.
 */
@Component
public class OwnershipSweep {

  private static final Logger log = LoggerFactory.getLogger(OwnershipSweep.class);
  private static final int BATCH = 200;
  /** The step where a repayment agreement is being kept: waiting for the next due date's check, not behind. */
  static final String AGREEMENT_KEPT_ACTIVITY = "installmentDue";

  private final OwnershipStore store;
  private final Allocation allocation;
  private final TeamDecision decision;
  private final CaseTasks caseTasks;
  private final LoanCases cases;
  private final RuntimeService runtime;
  private final AllocationSettings settings;
  private final BusinessClock clock;
  private final TransactionTemplate transaction;

  OwnershipSweep(OwnershipStore store, Allocation allocation, TeamDecision decision, CaseTasks caseTasks,
      LoanCases cases, RuntimeService runtime, AllocationSettings settings, BusinessClock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.allocation = allocation;
    this.decision = decision;
    this.caseTasks = caseTasks;
    this.cases = cases;
    this.runtime = runtime;
    this.settings = settings;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What one sweep did. */
  public record Swept(int bucketMoves, int holdsEnded, int allocatedFromPool) {
  }

  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${collections.allocation.sweep-interval:PT5M}")
  void scheduled() {
    Swept swept = run();
    if (swept.bucketMoves() + swept.holdsEnded() + swept.allocatedFromPool() > 0) {
      log.info("Ownership sweep: {} bucket moves, {} holding periods ended, {} cases allocated from pools",
          swept.bucketMoves(), swept.holdsEnded(), swept.allocatedFromPool());
    }
  }

  /** Everything due at the business clock's now. */
  public Swept run() {
    int moves = 0;
    for (List<Long> due = store.dueForBucketMove(clock.now(), BATCH); !due.isEmpty();
        due = store.dueForBucketMove(clock.now(), BATCH)) {
      for (long caseId : due) {
        moves += safely(caseId, () -> moveBuckets(caseId));
      }
      if (due.size() < BATCH) {
        break;
      }
    }
    int holds = 0;
    for (List<Long> ended = store.holdingEnded(clock.now(), BATCH); !ended.isEmpty();
        ended = store.holdingEnded(clock.now(), BATCH)) {
      for (long caseId : ended) {
        holds += safely(caseId, () -> endHolding(caseId));
      }
      if (ended.size() < BATCH) {
        break;
      }
    }
    int pooled = 0;
    for (String team : store.teamsWithPool(PoolReason.NO_CAPACITY)) {
      Integer allocated = transaction.execute(status -> allocation.allocateFromPool(team));
      pooled += allocated == null ? 0 : allocated;
    }
    return new Swept(moves, holds, pooled);
  }

  private int safely(long caseId, IntSupplier work) {
    try {
      Integer done = transaction.execute(status -> work.getAsInt());
      return done == null ? 0 : done;
    } catch (RuntimeException e) {
      // this case waits for the next sweep; the others go on
      log.warn("Ownership sweep could not update case {}: {}", caseId, e.toString());
      return 0;
    }
  }

  /** Moves a case through every bucket boundary it crossed, each recorded on its date; then to its new team. */
  int moveBuckets(long caseId) {
    Optional<Ownership> locked = store.lock(caseId);
    Instant now = clock.now();
    if (locked.isEmpty() || !locked.get().isOpen() || locked.get().nextBucketAt() == null
        || locked.get().nextBucketAt().isAfter(now)) {
      return 0;
    }
    Ownership o = locked.get();
    LoanCase c = cases.findById(caseId).orElseThrow();
    LocalDate today = clock.today();
    int daysPastDue = Bucket.daysPastDue(c.daysPastDue(), c.openedAt().atZone(BusinessClock.ZONE).toLocalDate(), today);
    Ownership moved = o;
    int moves = 0;
    while (moved.nextBucketAt() != null && !moved.nextBucketAt().isAfter(now)) {
      Instant crossedAt = moved.nextBucketAt();
      Bucket next = moved.bucket().next().orElseThrow();
      LocalDate crossedOn = crossedAt.atZone(BusinessClock.ZONE).toLocalDate();
      Instant following = Allocation.nextBucketAt(next.fromDayOf(), crossedOn);
      Ownership after = moved.inBucket(next, following);
      store.record(after, new OwnershipChange(Kind.BUCKET_MOVED, crossedAt, SYSTEM, moved.owner(), moved.owner(),
          moved.team(), moved.team(), moved.bucket().name(), next.name(), null,
          "days past due reached " + next.fromDayOf()));
      moved = after;
      moves++;
    }
    store.update(moved);
    caseTasks.daysPastDue(o.processInstanceId(), daysPastDue);
    String team = decision.teamFor(moved.bucket(), c.overdueAmount(), c.vehiclePlate());
    if (!team.equals(moved.team())) {
      allocation.moveToTeam(moved, team, SYSTEM, Kind.REALLOCATED, "bucket " + moved.bucket() + " belongs to " + team);
      if (o.isOwned()) {
        allocation.allocateFromPool(o.team());
      }
    } else {
      caseTasks.follow(moved, moved.team());
    }
    return moves;
  }

  /** A kept agreement stays with its owner for another period; any other case goes to someone else of the team. */
  int endHolding(long caseId) {
    Optional<Ownership> locked = store.lock(caseId);
    Instant now = clock.now();
    if (locked.isEmpty() || !locked.get().isOpen() || !locked.get().isOwned() || locked.get().heldUntil() == null
        || locked.get().heldUntil().isAfter(now)) {
      return 0;
    }
    Ownership o = locked.get();
    Instant nextEnd = now.plus(settings.getHoldingPeriod());
    if (agreementKept(o)) {
      stay(o, nextEnd, "repayment agreement kept: stays with " + o.owner());
    } else if (allocation.reallocateWithinTeam(o, SYSTEM, "holding period ended", false).isEmpty()) {
      stay(o, nextEnd, "holding period ended; no one else of " + o.team() + " can take it");
    }
    return 1;
  }

  private void stay(Ownership o, Instant until, String reason) {
    Ownership held = o.heldUntil(until);
    store.update(held);
    store.record(held, new OwnershipChange(Kind.HELD, clock.now(), SYSTEM, o.owner(), o.owner(), o.team(), o.team(),
        null, null, until, reason));
  }

  private boolean agreementKept(Ownership o) {
    return runtime.createExecutionQuery().processInstanceId(o.processInstanceId())
        .activityId(AGREEMENT_KEPT_ACTIVITY).count() > 0;
  }
}
