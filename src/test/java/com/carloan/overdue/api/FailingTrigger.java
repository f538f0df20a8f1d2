package com.carloan.overdue.api;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that fails every insert of a row with a value starting with {@value #MARK}: a database
 * failure in the middle of a request, at a place the test chooses.
 */
public class FailingTrigger implements Trigger {

  public static final String MARK = "BOOM";

  /** Installs the trigger on the table; {@link #remove} takes it away again. */
  public static void install(org.springframework.jdbc.core.JdbcTemplate jdbc, String table) {
    jdbc.execute("create trigger fail_" + table + " before insert on " + table + " for each row call '"
        + FailingTrigger.class.getName() + "'");
  }

  public static void remove(org.springframework.jdbc.core.JdbcTemplate jdbc, String table) {
    jdbc.execute("drop trigger if exists fail_" + table);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    for (Object value : newRow) {
      if (value instanceof String s && s.startsWith(MARK)) {
        throw new SQLException("simulated database failure for " + s);
      }
    }
  }
}
