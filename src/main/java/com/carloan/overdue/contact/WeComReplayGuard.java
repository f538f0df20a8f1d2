package com.carloan.overdue.contact;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers the callbacks accepted within the timestamp window, in the database so that every node
 * of a cluster knows them: the same nonce and signature a second time is a replay. Older entries are
 * useless (their timestamps fail the window check) and are deleted as new ones arrive.
 */
@Component
class WeComReplayGuard {

  private final JdbcTemplate jdbc;

  WeComReplayGuard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the callback in the caller's transaction. @return false when it was seen before */
  boolean firstTime(String nonce, String signature, Instant now, Duration window) {
    jdbc.update("delete from wecom_callback_seen where seen_at < ?", Timestamp.from(now.minus(window.multipliedBy(2))));
    try {
      jdbc.update("insert into wecom_callback_seen (msg_signature, nonce, seen_at) values (?, ?, ?)",
          signature, nonce, Timestamp.from(now));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
