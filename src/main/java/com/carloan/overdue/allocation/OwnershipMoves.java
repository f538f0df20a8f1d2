package com.carloan.overdue.allocation;

import com.carloan.overdue.allocation.OwnershipChange.Kind;
import com.carloan.overdue.allocation.OwnershipStore.AgentRow;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What supervisors and managers do with cases (CONTRACT §4): transfer (调案), recall (回收), hold (留案) and
 * an agent's availability. Each loan moves in a transaction of its own: one that cannot move is refused
 * alone and the others move. A move that collides with a task being completed at the same moment (the
 * engine's optimistic lock) is tried again, so neither the completion nor the move is lost.
 */
@Service
class OwnershipMoves {

  record Refusal(String loanId, String reason) {
  }

  record Outcome(int moved, List<Refusal> refused) {
  }

  record AvailabilityOutcome(String agent, boolean available, String reason, int reallocated, int pooled) {
  }

  private static final int ATTEMPTS = 3;

  private final OwnershipStore store;
  private final Allocation allocation;
  private final TeamMembers members;
  private final LoanCases cases;
  private final BusinessClock clock;
  private final TransactionTemplate transaction;

  OwnershipMoves(OwnershipStore store, Allocation allocation, TeamMembers members, LoanCases cases,
      BusinessClock clock, PlatformTransactionManager transactions) {
    this.store = store;
    this.allocation = allocation;
    this.members = members;
    this.cases = cases;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  Outcome transferToAgent(List<String> loanIds, String toAgent, String actor, String reason) {
    return eachLoan(loanIds, o -> {
      if (toAgent.equals(o.owner())) {
        throw new Refused("already owned by " + toAgent);
      }
      if (!members.isAgentOf(o.team(), toAgent)) {
        throw new Refused(toAgent + " is not an agent of " + o.team() + ", the case's team");
      }
      unavailableReason(toAgent).ifPresent(why -> {
        throw new Refused(toAgent + " is unavailable (" + why + ")");
      });
      allocation.place(o, o.team(), toAgent, actor, Kind.TRANSFERRED, reason);
      freeCapacity(o);
    });
  }

  Outcome transferToTeam(List<String> loanIds, String toTeam, String actor, String reason) {
    return eachLoan(loanIds, o -> {
      if (toTeam.equals(o.team())) {
        throw new Refused("already in " + toTeam);
      }
      allocation.moveToTeam(o, toTeam, actor, Kind.TRANSFERRED, reason);
      freeCapacity(o);
    });
  }

  Outcome recall(List<String> loanIds, String actor, String reason) {
    return eachLoan(loanIds, o -> {
      if (!o.isOwned()) {
        throw new Refused("not owned: already in the pool of " + o.team());
      }
      Ownership recalled = o.recalled();
      store.update(recalled);
      store.record(recalled, new OwnershipChange(Kind.RECALLED, clock.now(), actor, o.owner(), null, o.team(), o.team(),
          null, null, null, reason));
      allocation.caseTasksFollow(recalled, o.team());
      freeCapacity(o);
    });
  }

  /** Keeps each case with its owner until the end of {@code until} (Asia/Shanghai). */
  Outcome hold(List<String> loanIds, LocalDate until, String actor, String reason) {
    Instant end = until.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant();
    return eachLoan(loanIds, o -> {
      if (!o.isOwned()) {
        throw new Refused("in the pool of " + o.team() + ": only an owned case is held");
      }
      Ownership held = o.heldUntil(end);
      store.update(held);
      store.record(held, new OwnershipChange(Kind.HELD, clock.now(), actor, o.owner(), o.owner(), o.team(), o.team(),
          null, null, end, reason));
    });
  }

  /** No new cases for an unavailable agent; with {@code reallocate} their open cases go to teammates now. */
  AvailabilityOutcome availability(String agent, boolean available, String reason, boolean reallocate, String actor) {
    return inTransaction(() -> {
      store.setAvailability(agent, available, available ? null : reason, actor, clock.now());
      int reallocated = 0;
      int pooled = 0;
      if (available) {
        members.teamsOf(agent).forEach(allocation::allocateFromPool);
      } else if (reallocate) {
        String why = "reallocated: " + agent + " unavailable" + (reason == null ? "" : " (" + reason + ")");
        for (Ownership o : store.openOwnedBy(agent)) {
          Ownership locked = store.lock(o.caseId()).orElseThrow();
          if (allocation.reallocateWithinTeam(locked, actor, why, true).isPresent()) {
            reallocated++;
          } else {
            pooled++;
          }
        }
      }
      return new AvailabilityOutcome(agent, available, available ? null : reason, reallocated, pooled);
    });
  }

  Optional<String> unavailableReason(String agent) {
    AgentRow row = store.agents(List.of(agent)).get(agent);
    return row == null || row.available() ? Optional.empty()
        : Optional.of(row.reason() == null ? "no reason given" : row.reason());
  }

  private void freeCapacity(Ownership before) {
    if (before.isOwned()) {
      allocation.allocateFromPool(before.team());
    }
  }

  private interface Move {
    void apply(Ownership locked);
  }

  private Outcome eachLoan(List<String> loanIds, Move move) {
    int moved = 0;
    List<Refusal> refused = new ArrayList<>();
    for (String loanId : new LinkedHashSet<>(loanIds)) {
      try {
        inTransaction(() -> {
          LoanCase c = cases.findLatest(loanId).orElseThrow(() -> new Refused("no case for this loan"));
          if (!c.isOpen()) {
            throw new Refused("the case is closed");
          }
          Ownership o = store.lock(c.id()).orElseThrow(() -> new Refused("the case has no team yet"));
          move.apply(o);
          return null;
        });
        moved++;
      } catch (Refused e) {
        refused.add(new Refusal(loanId, e.getMessage()));
      }
    }
    return new Outcome(moved, refused);
  }

  private <T> T inTransaction(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> work.get());
      } catch (ProcessEngineException e) {
        // A concurrent commit changed what this move read: an optimistic-locking conflict; a task completed
        // meanwhile is gone by the time its assignee is set (NotFoundException); or the completion changed the
        // case's executions under the task's listeners, which then fail inside the engine (seen once as a
        // ProcessEngineException from a task listener). Read the case again and move what is there now; an error
        // that is not a race fails every attempt and reaches the caller.
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** A loan that cannot move; its transaction rolls back, the others go on. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
