package com.carloan.overdue.communication;

import com.carloan.overdue.common.Hashes;
import java.time.Instant;
import java.util.List;

/**
 * The evidence chain: each record's hash covers its own fields and the previous record's hash, so a
 * changed, removed or reordered record breaks every hash after it.
 */
public final class HashChain {

  /** The {@code prevHash} of a case's first record. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  public static String link(String prevHash, String loanId, int seq, String channel, String direction, String content,
      String recordedBy, Instant recordedAt) {
    // Length-prefixed fields: no two different records serialize to the same text.
    StringBuilder s = new StringBuilder(prevHash);
    for (String field : new String[] {loanId, Integer.toString(seq), channel, direction, content, recordedBy,
        recordedAt.toString()}) {
      s.append('|').append(field.length()).append(':').append(field);
    }
    return Hashes.sha256(s.toString());
  }

  /** @return the seq of the first record that does not verify, or {@code null} when the whole chain holds */
  public static Integer firstBroken(String loanId, List<Communication> inOrder) {
    String prev = GENESIS;
    int expectedSeq = 1;
    for (Communication c : inOrder) {
      // an erased record (no content) cannot be recomputed: see firstUnlinked
      if (c.seq() != expectedSeq || !c.prevHash().equals(prev) || c.content() == null || !c.hash().equals(
          link(prev, loanId, c.seq(), c.channel(), c.direction(), c.content(), c.recordedBy(), c.recordedAt()))) {
        return c.seq();
      }
      prev = c.hash();
      expectedSeq++;
    }
    return null;
  }

  /**
   * The check that is left once the content is erased: seq without gaps and every {@code prevHash} the
   * stored hash of the record before it.
   *
   * @return the seq of the first record that does not link, or {@code null}
   */
  public static Integer firstUnlinked(List<Communication> inOrder) {
    String prev = GENESIS;
    int expectedSeq = 1;
    for (Communication c : inOrder) {
      if (c.seq() != expectedSeq || !c.prevHash().equals(prev) || c.hash() == null || c.hash().length() != prev.length()) {
        return c.seq();
      }
      prev = c.hash();
      expectedSeq++;
    }
    return null;
  }

  public static String head(List<Communication> inOrder) {
    return inOrder.isEmpty() ? GENESIS : inOrder.get(inOrder.size() - 1).hash();
  }
}
