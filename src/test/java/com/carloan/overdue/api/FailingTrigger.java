package com.carloan.overdue.api;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trigger that fails every insert of a row with a value starting with {@value #MARK}: a database
 * failure in the middle of a request, at a place the test chooses. On H2 this class is the trigger; on
 * PostgreSQL (the postgres-tests run) a PL/pgSQL function does the same.
 */
public class FailingTrigger implements Trigger {

  public static final String MARK = "BOOM";

  /** Installs the trigger on the table; {@link #remove} takes it away again. */
  public static void install(JdbcTemplate jdbc, String table) {
    if (isPostgres(jdbc)) {
      jdbc.execute("create or replace function fail_on_mark() returns trigger language plpgsql as $$ begin "
          + "if exists (select 1 from json_each_text(row_to_json(new)) where value like '" + MARK + "%') then "
          + "raise exception 'simulated database failure'; end if; return new; end $$");
      jdbc.execute("create trigger fail_" + table + " before insert on " + table
          + " for each row execute function fail_on_mark()");
    } else {
      jdbc.execute("create trigger fail_" + table + " before insert on " + table + " for each row call '"
          + FailingTrigger.class.getName() + "'");
    }
  }

  public static void remove(JdbcTemplate jdbc, String table) {
    jdbc.execute("drop trigger if exists fail_" + table + (isPostgres(jdbc) ? " on " + table : ""));
  }

  /** Whether the tests run on PostgreSQL (the postgres-tests pass) rather than H2. */
  static boolean isPostgres(JdbcTemplate jdbc) {
    return "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
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
