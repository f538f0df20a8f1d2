package com.carloan.overdue.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Throwaway databases on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth; override
 * with the system properties {@code collections.test.postgres.url|user|password}). Each is named
 * {@code collections_test_<UTC time>_<random>}, so runs on one server never meet, and a database a
 * killed run left behind can be recognised by its age and dropped by a later run.
 */
public final class PostgresTestDatabase {

  /** The system property that switches the Spring tests to PostgreSQL (see {@link FreshPostgresPerContext}). */
  public static final String SWITCH = "collections.test.database";
  private static final String PREFIX = "collections_test_";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final long STALE_AFTER_HOURS = 6;

  private PostgresTestDatabase() {}

  public static boolean requested() {
    return "postgres".equals(System.getProperty(SWITCH));
  }

  public static String serverUrl() {
    return System.getProperty("collections.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
  }

  public static String user() {
    return System.getProperty("collections.test.postgres.user", "postgres");
  }

  public static String password() {
    return System.getProperty("collections.test.postgres.password", "");
  }

  public static String url(String database) {
    return serverUrl() + database;
  }

  /** @return the name of a new, empty database */
  public static String create() {
    dropStale();
    String name = PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    admin("create database " + name);
    return name;
  }

  /** Drops the database, ending whatever sessions still use it. */
  public static void drop(String name) {
    if (!name.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a test database: " + name);
    }
    admin("drop database if exists " + name + " with (force)");
  }

  private static void dropStale() {
    String oldest = PREFIX + LocalDateTime.now(ZoneOffset.UTC).minusHours(STALE_AFTER_HOURS).format(STAMP);
    List<String> stale = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        var rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
      while (rs.next()) {
        if (rs.getString(1).compareTo(oldest) < 0) {
          stale.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + serverUrl() + " is not reachable: " + e.getMessage(), e);
    }
    stale.forEach(PostgresTestDatabase::drop);
  }

  private static void admin(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + serverUrl() + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(serverUrl() + "postgres", user(), password());
  }
}
