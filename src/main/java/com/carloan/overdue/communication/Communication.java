package com.carloan.overdue.communication;

import java.time.Instant;

/** One exchange with the borrower, decrypted, with its place in the case's hash chain. */
public record Communication(long id, int seq, String channel, String direction, String content, String recordedBy,
    Instant recordedAt, String prevHash, String hash) {}
