package com.carloan.overdue.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The text that is encrypted into {@code case_archive.record_cipher} and hashed into {@code record_sha256}
 * (the archive's {@code evidenceHash}): SHA-256 over exactly this JSON, UTF-8, as stored.
 *
 * <p>After the retention period it is replaced by the same structure without personal data, with
 * {@code erasedAt} and {@code sealedSha256} (the hash of the record as sealed) set; that text's own hash is
 * {@code case_archive.erased_sha256}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SealedRecord(String outcome, Instant closedAt, String chainHead, CaseRecord record, Instant erasedAt,
    String sealedSha256) {}
