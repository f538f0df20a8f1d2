package com.carloan.overdue.common;

import java.sql.PreparedStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** INSERT that returns the generated {@code id}, the same way on H2 and PostgreSQL. */
public final class Inserts {

  private Inserts() {}

  public static long returningId(JdbcTemplate jdbc, String insertSql, Object... args) {
    var key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(insertSql, new String[] {"id"});
      new ArgumentPreparedStatementSetter(args).setValues(ps);
      return ps;
    }, key);
    return key.getKey().longValue();
  }
}
