package com.carloan.overdue.allocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One entry of a case's ownership history (CONTRACT §4): an allocation, pooling, transfer, recall, hold,
 * reallocation or bucket move, with its time, its actor ({@code system} for the application's own moves),
 * from, to and reason. {@code from} and {@code to} are the owners before and after (null: the team's pool),
 * for a bucket move the buckets; the other fields say all of it. {@code GET /api/cases/{loanId}} shows the
 * history as {@code ownership}; the sealed archive keeps it.
 */
public record OwnershipChange(Kind kind, Instant time, String actor, String fromAgent, String toAgent,
    String fromTeam, String toTeam, String fromBucket, String toBucket, Instant heldUntil, String reason) {

  /** The application's own moves name this actor. */
  public static final String SYSTEM = "system";

  public enum Kind { ALLOCATED, POOLED, TRANSFERRED, RECALLED, HELD, REALLOCATED, BUCKET_MOVED }

  @JsonProperty("from")
  public String from() {
    return kind == Kind.BUCKET_MOVED ? fromBucket : fromAgent;
  }

  @JsonProperty("to")
  public String to() {
    return kind == Kind.BUCKET_MOVED ? toBucket : toAgent;
  }

  /** After the retention period: a supervisor's free-text reason may describe the borrower, so it goes. */
  public OwnershipChange withoutPersonalData() {
    return new OwnershipChange(kind, time, actor, fromAgent, toAgent, fromTeam, toTeam, fromBucket, toBucket,
        heldUntil, null);
  }
}
