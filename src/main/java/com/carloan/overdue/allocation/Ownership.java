package com.carloan.overdue.allocation;

import java.time.Instant;

/** A case's row of {@code case_ownership}: its team, its owner (none while it waits in the pool), its bucket. */
record Ownership(long caseId, String loanId, String processInstanceId, String team, String owner,
    PoolReason pooledReason, Bucket bucket, Instant allocatedAt, Instant heldUntil, Instant nextBucketAt,
    Instant closedAt) {

  /** Why an unowned case waits in its team's pool. */
  enum PoolReason {
    /** Nobody of the team was available below capacity: allocated as soon as someone is. */
    NO_CAPACITY,
    /** A supervisor took it back (回收): it waits until a supervisor transfers it. */
    RECALLED
  }

  boolean isOpen() {
    return closedAt == null;
  }

  boolean isOwned() {
    return owner != null;
  }

  Ownership placed(String newTeam, String newOwner, Instant at, Instant newHeldUntil) {
    return new Ownership(caseId, loanId, processInstanceId, newTeam, newOwner,
        newOwner == null ? PoolReason.NO_CAPACITY : null, bucket, newOwner == null ? allocatedAt : at,
        newOwner == null ? null : newHeldUntil, nextBucketAt, closedAt);
  }

  Ownership recalled() {
    return new Ownership(caseId, loanId, processInstanceId, team, null, PoolReason.RECALLED, bucket, allocatedAt,
        null, nextBucketAt, closedAt);
  }

  Ownership heldUntil(Instant until) {
    return new Ownership(caseId, loanId, processInstanceId, team, owner, pooledReason, bucket, allocatedAt, until,
        nextBucketAt, closedAt);
  }

  Ownership inBucket(Bucket newBucket, Instant newNextBucketAt) {
    return new Ownership(caseId, loanId, processInstanceId, team, owner, pooledReason, newBucket, allocatedAt,
        heldUntil, newNextBucketAt, closedAt);
  }
}
