package com.carloan.overdue.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Lets one node at a time start on a shared PostgreSQL database. The first start on an empty database
 * creates Camunda's tables, runs the Flyway migrations, deploys {@code processes/} and creates the
 * groups and users; two nodes doing that at once would both try to create the same tables and rows,
 * and one would fail. Camunda's own deployment lock covers only the deployment.
 *
 * <p>A session-level advisory lock, taken before the application context is refreshed and released
 * once it has started (or failed): a node that dies while starting loses its connection, and with it
 * the lock. A node that finds the lock taken waits for at most {@code collections.cluster.startup-lock-timeout}.
 * Nothing happens on other databases (H2 runs a single node).
 */
public class StartupLock implements ApplicationListener<SpringApplicationEvent> {

  /** Any constant: advisory locks are per database, so only nodes of this application's database meet. */
  static final long KEY = 0x4361724c6f616eL;

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;

  @Override
  public void onApplicationEvent(SpringApplicationEvent event) {
    if (event instanceof ApplicationPreparedEvent prepared) {
      acquire(prepared.getApplicationContext().getEnvironment());
    } else if (event instanceof ApplicationStartedEvent || event instanceof ApplicationFailedEvent) {
      release();
    }
  }

  private void acquire(Environment env) {
    String url = env.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      return;
    }
    Duration timeout = env.getProperty("collections.cluster.startup-lock-timeout", Duration.class, Duration.ofMinutes(10));
    try {
      held = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
          env.getProperty("spring.datasource.password"));
      try (Statement s = held.createStatement()) {
        s.execute("set lock_timeout = " + timeout.toMillis());
        if (!single(s, "select pg_try_advisory_lock(" + KEY + ")")) {
          log.info("Another node is starting on this database; waiting for it (at most {})", timeout);
          s.execute("select pg_advisory_lock(" + KEY + ")");
        }
      }
    } catch (SQLException e) {
      release();
      throw new IllegalStateException("Could not take the start-up lock on " + url + ": " + e.getMessage(), e);
    }
  }

  private static boolean single(Statement s, String sql) throws SQLException {
    try (var rs = s.executeQuery(sql)) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private void release() {
    if (held == null) {
      return;
    }
    try (Connection c = held) {
      held = null;
      try (Statement s = c.createStatement()) {
        s.execute("select pg_advisory_unlock_all()");
      }
    } catch (SQLException e) {
      // closing the session releases the lock anyway
      log.debug("Releasing the start-up lock: {}", e.getMessage());
    }
  }
}
