package com.carloan.overdue.archive;

import com.carloan.overdue.communication.Communication;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A closed case's archive as it was sealed, with what a read just found out about it.
 *
 * @param record the sealed record, or null when the stored ciphertext no longer decrypts (altered)
 * @param communications the sealed communications (the table's rows only when the record is unreadable)
 * @param chainHead the head of the communications' hash chain when the case was sealed
 * @param evidenceHash SHA-256 of the record as sealed ({@link SealedRecord})
 */
public record CaseArchive(String loanId, String caseOutcome, Instant closedAt, BigDecimal amountDue,
    BigDecimal amountRepaid, String escalationReason, CaseRecord record, List<Communication> communications,
    String chainHead, String evidenceHash, boolean erased, Instant erasedAt, Verification verification) {

  /** What a read can still prove: everything, or after erasure only that the stored hashes link up. */
  public enum Scope { FULL, HASH_LINKAGE }

  /**
   * @param recordVerified the record decrypts, hashes to its stored hash and agrees with the archive's columns
   * @param communicationsVerified the communication rows recompute to a whole chain (after erasure: link up)
   *     ending in the sealed head, and are the sealed ones
   * @param firstBrokenSeq the first communication that does not verify, if one does not
   */
  public record Verification(Scope scope, boolean recordVerified, boolean communicationsVerified,
      Integer firstBrokenSeq) {}

  public boolean chainVerified() {
    return verification.recordVerified() && verification.communicationsVerified();
  }
}
