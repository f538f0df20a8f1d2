package com.carloan.overdue.allocation;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.CollectionGroups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the rest of the application asks of ownership: who holds a case, who held it, and its closing. */
@Service
public class CaseOwners {

  /** A case's place now; {@code owner} null while it waits in the team's pool ({@code pooled} says why). */
  public record Place(String team, String owner, String bucket, LocalDate heldUntil, String pooled) {
  }

  private final OwnershipStore store;
  private final Allocation allocation;
  private final CaseAccess access;
  private final TeamMembers members;
  private final CaseTasks caseTasks;

  CaseOwners(OwnershipStore store, Allocation allocation, CaseAccess access, TeamMembers members, CaseTasks caseTasks) {
    this.store = store;
    this.allocation = allocation;
    this.access = access;
    this.members = members;
    this.caseTasks = caseTasks;
  }

  /** The team's collection agents, by user id (the dashboard lists them, with or without cases). */
  public List<String> agentsOf(String team) {
    return members.agentsOf(team);
  }

  /**
   * CONTRACT §3: an agent sees and works only the cases they own or owned; supervisors, managers, legal
   * officers and administrators any case. Others are left to the call's own group rule.
   *
   * @throws RequestRejected 403 for an agent on somebody else's case
   */
  public void requireOwnerUnlessSupervising(long caseId, String loanId) {
    if (access.isInAnyGroup(CollectionGroups.SUPERVISOR, CollectionGroups.MANAGER, CollectionGroups.LEGAL,
        CollectionGroups.ADMIN) || !access.isInAnyGroup(CollectionGroups.AGENT)) {
      return;
    }
    String caller = access.currentUserId();
    if (!ownsOrOwned(caseId, caller)) {
      throw RequestRejected.forbidden("An agent sees only the cases they own or owned: the case of loan " + loanId
          + " is not " + caller + "'s.");
    }
  }

  /**
   * For what only the case's current owner does among agents (a note, a waiver request, a complaint): supervisors,
   * managers, administrators, and the groups named, may too.
   *
   * @throws RequestRejected 403 for an agent who does not own the case now, or anyone else not let through
   */
  public void requireCurrentOwnerOr(long caseId, String loanId, String what, String... alsoGroups) {
    if (access.isInAnyGroup(CollectionGroups.SUPERVISOR, CollectionGroups.MANAGER, CollectionGroups.ADMIN)
        || alsoGroups.length > 0 && access.isInAnyGroup(alsoGroups)) {
      return;
    }
    String caller = access.currentUserId();
    if (!ownerOf(caseId).map(owner -> owner.equals(caller)).orElse(false)) {
      throw RequestRejected.forbidden("Only the case's owner or a supervisor " + what + " on the case of loan " + loanId
          + ": it is not " + caller + "'s.");
    }
  }

  /**
   * Who may read a case's record (communications, notes, promises): supervisors, managers, legal officers,
   * administrators, and the agents who own or owned it.
   *
   * @throws RequestRejected 403 for anyone else
   */
  public void requireReader(long caseId, String loanId) {
    if (access.isInAnyGroup(CollectionGroups.AGENT)) {
      requireOwnerUnlessSupervising(caseId, loanId);
    } else {
      access.requireUserOrAnyGroup(null, CollectionGroups.SUPERVISOR, CollectionGroups.MANAGER, CollectionGroups.LEGAL,
          CollectionGroups.ADMIN);
    }
  }

  public Optional<Place> place(long caseId) {
    return store.find(caseId).map(o -> new Place(o.team(), o.owner(), o.bucket().name(), lastHeldDay(o.heldUntil()),
        o.pooledReason() == null ? null : o.pooledReason().name()));
  }

  public Optional<String> ownerOf(long caseId) {
    return store.find(caseId).filter(Ownership::isOpen).map(Ownership::owner);
  }

  public List<OwnershipChange> history(long caseId) {
    return store.history(caseId);
  }

  /** Whether the user owns the case or owned it at any time (CONTRACT §3: what an agent may see). */
  public boolean ownsOrOwned(long caseId, String userId) {
    return userId != null && store.ownsOrOwned(caseId, userId);
  }

  /**
   * Takes an owned case away from its owner (an upheld complaint about their conduct): to someone else of the
   * team, or to the team's pool when nobody else can take it. @return the new owner; empty when pooled or unowned
   */
  public Optional<String> moveToAnotherAgent(long caseId, String actor, String reason) {
    Optional<Ownership> locked = store.lock(caseId).filter(o -> o.isOpen() && o.isOwned());
    return locked.flatMap(o -> allocation.reallocateWithinTeam(o, actor, reason, true));
  }

  /** Who may see the case's open agent tasks changed (a pause, a resume): their grants follow when this commits. */
  public void regrantAgentTasks(String processInstanceId) {
    caseTasks.openAgentTasks(processInstanceId).forEach(task -> caseTasks.regrant(task.getId()));
  }

  /** The case is closing (archive): it stops counting for its owner, who may take one from the pool. */
  public void close(long caseId) {
    allocation.close(caseId);
  }

  /** A hold ends at the start of the next day: the last day held is the one before, in Asia/Shanghai. */
  static LocalDate lastHeldDay(Instant heldUntil) {
    return heldUntil == null ? null : heldUntil.minusNanos(1).atZone(BusinessClock.ZONE).toLocalDate();
  }
}
