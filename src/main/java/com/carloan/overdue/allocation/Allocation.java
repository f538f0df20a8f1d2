package com.carloan.overdue.allocation;

import static com.carloan.overdue.allocation.OwnershipChange.SYSTEM;

import com.carloan.overdue.allocation.AllocationRule.Candidate;
import com.carloan.overdue.allocation.Ownership.PoolReason;
import com.carloan.overdue.allocation.OwnershipChange.Kind;
import com.carloan.overdue.allocation.OwnershipStore.AgentRow;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Allocation (分案): gives a case its team and owner, keeps the team's pool, and moves a case to someone else
 * (流转). Every method runs inside the caller's transaction and locks the team first, so allocations on any
 * node count an agent's open cases one after the other.
 */
@Service
class Allocation {

  private static final Logger log = LoggerFactory.getLogger(Allocation.class);
  private static final int POOL_BATCH = 200;

  private final OwnershipStore store;
  private final TeamDecision decision;
  private final TeamMembers members;
  private final CaseTasks caseTasks;
  private final AllocationSettings settings;
  private final BusinessClock clock;

  Allocation(OwnershipStore store, TeamDecision decision, TeamMembers members, CaseTasks caseTasks,
      AllocationSettings settings, BusinessClock clock) {
    this.store = store;
    this.decision = decision;
    this.members = members;
    this.caseTasks = caseTasks;
    this.settings = settings;
    this.clock = clock;
  }

  /** The case's first placement; a case placed before keeps its place. */
  Ownership allocateNew(LoanCase c, String processInstanceId) {
    Optional<Ownership> placed = store.find(c.id());
    if (placed.isPresent()) {
      return placed.get();
    }
    LocalDate today = clock.today();
    int daysPastDue = Bucket.daysPastDue(c.daysPastDue(), c.openedAt().atZone(BusinessClock.ZONE).toLocalDate(), today);
    Bucket bucket = Bucket.of(daysPastDue);
    String team = decision.teamFor(bucket, c.overdueAmount(), c.vehiclePlate());
    store.lockTeam(team);
    Instant now = clock.now();
    String owner = choose(team, Set.of()).map(Candidate::userId).orElse(null);
    Ownership o = new Ownership(c.id(), c.loanId(), processInstanceId, team, owner,
        owner == null ? PoolReason.NO_CAPACITY : null, bucket, owner == null ? null : now,
        owner == null ? null : now.plus(settings.getHoldingPeriod()), nextBucketAt(daysPastDue, today), null);
    store.insert(o);
    if (owner != null) {
      store.allocatedTo(owner, now);
      store.record(o, new OwnershipChange(Kind.ALLOCATED, now, SYSTEM, null, owner, null, team, null, bucket.name(),
          o.heldUntil(), "fewest open cases in " + team));
      log.info("Case of loan {} allocated to {} of {} ({})", c.loanId(), owner, team, bucket);
    } else {
      store.record(o, new OwnershipChange(Kind.POOLED, now, SYSTEM, null, null, null, team, null, bucket.name(), null,
          noOneCanTakeIt(team)));
      log.info("Case of loan {} waits in the pool of {}: {}", c.loanId(), team, noOneCanTakeIt(team));
    }
    return o;
  }

  /** Gives the cases waiting in the team's pool for capacity to whoever can take them now; returns how many. */
  int allocateFromPool(String team) {
    store.lockTeam(team);
    int allocated = 0;
    for (Ownership waiting : store.pooled(team, PoolReason.NO_CAPACITY, POOL_BATCH)) {
      Optional<Candidate> chosen = choose(team, Set.of());
      if (chosen.isEmpty()) {
        break;
      }
      place(waiting, team, chosen.get().userId(), SYSTEM, Kind.ALLOCATED, "capacity freed in " + team);
      allocated++;
    }
    return allocated;
  }

  /**
   * Moves an owned case to someone else of its team (流转), or to the pool when nobody else can take it and
   * {@code poolIfNobody}; returns the new owner.
   */
  Optional<String> reallocateWithinTeam(Ownership o, String actor, String reason, boolean poolIfNobody) {
    store.lockTeam(o.team());
    Optional<String> next = choose(o.team(), o.owner() == null ? Set.of() : Set.of(o.owner())).map(Candidate::userId);
    if (next.isPresent()) {
      place(o, o.team(), next.get(), actor, Kind.REALLOCATED, reason);
    } else if (poolIfNobody) {
      place(o, o.team(), null, actor, Kind.REALLOCATED, reason + "; " + noOneCanTakeIt(o.team()));
    }
    return next;
  }

  /** Moves the case to another team: its available member with the fewest open cases, or its pool. */
  Optional<String> moveToTeam(Ownership o, String team, String actor, Kind kind, String reason) {
    store.lockTeam(team);
    Optional<String> next = choose(team, Set.of()).map(Candidate::userId);
    place(o, team, next.orElse(null), actor, kind, next.isPresent() ? reason : reason + "; " + noOneCanTakeIt(team));
    return next;
  }

  /** Records the new place of a case, and makes its variables and open agent tasks follow. */
  Ownership place(Ownership o, String team, String owner, String actor, Kind kind, String reason) {
    Instant now = clock.now();
    Ownership moved = o.placed(team, owner, now, now.plus(settings.getHoldingPeriod()));
    store.update(moved);
    if (owner != null) {
      store.allocatedTo(owner, now);
    }
    store.record(moved, new OwnershipChange(kind, now, actor, o.owner(), owner, o.team(), team, null, null,
        moved.heldUntil(), reason));
    caseTasks.follow(moved, o.team());
    log.info("Case of loan {}: {} from {} ({}) to {} ({}) by {}", o.loanId(), kind, o.owner(), o.team(), owner, team, actor);
    return moved;
  }

  void caseTasksFollow(Ownership now, String teamBefore) {
    caseTasks.follow(now, teamBefore);
  }

  /** The case closed: it stops counting for its owner, who may take one from the pool. */
  void close(long caseId) {
    Optional<Ownership> o = store.lock(caseId);
    if (o.isEmpty() || !o.get().isOpen()) {
      return;
    }
    store.close(caseId, clock.now());
    if (o.get().isOwned()) {
      allocateFromPool(o.get().team());
    }
  }

  Optional<Candidate> choose(String team, Set<String> excluded) {
    List<String> agents = members.agentsOf(team);
    Map<String, Integer> open = store.openCases(agents);
    Map<String, AgentRow> rows = store.agents(agents);
    List<Candidate> candidates = agents.stream().map(id -> {
      AgentRow row = rows.get(id);
      return new Candidate(id, row == null || row.available(), open.getOrDefault(id, 0),
          row == null ? null : row.lastAllocatedAt());
    }).toList();
    return AllocationRule.choose(candidates, settings.getCapacity(), excluded);
  }

  static Instant nextBucketAt(int daysPastDue, LocalDate today) {
    return Bucket.nextMoveDate(daysPastDue, today).map(day -> day.atStartOfDay(BusinessClock.ZONE).toInstant())
        .orElse(null);
  }

  private String noOneCanTakeIt(String team) {
    return "no available agent of " + team + " below " + settings.getCapacity() + " open cases";
  }
}
