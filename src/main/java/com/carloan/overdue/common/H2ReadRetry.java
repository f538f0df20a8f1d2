package com.carloan.overdue.common;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2 file, a query that fails on one of H2's own read races runs once more: a storage chunk
 * dropped while the query still had to read it ({@code MVStoreException: Chunk … not found}, an open bug of
 * H2's MVStore in 2.3–2.5), or a row deleted between an index and the table ({@code Row … not found in
 * primary index}, error 90143, which H2 itself reports as transient).
 *
 * <p>The chunk is gone from H2's chunk table, not from the file, and the row from the table: the same query
 * a moment later reads the current version and succeeds. Only reads are run again ({@code SELECT} / {@code WITH}): a failed query
 * changes nothing in H2 and leaves the transaction as it was, so running it again is what the caller
 * would have seen had it asked a moment later. Writes, and every other failure, go to the caller unchanged.
 * The pool is wrapped as a {@link DelegatingDataSource}, so whatever unwraps it (metrics, the engine) still
 * finds Hikari; PostgreSQL gets no wrapper.
 */
@Component
class H2ReadRetry implements BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(H2ReadRetry.class);
  /**
   * A first run and four more. Each run reads the newest version, but a long read (a queue's count over
   * thousands of grants) can miss a row again while agents keep completing tasks: in the stress test 6 of
   * 14 such reads still failed after three runs.
   */
  static final int ATTEMPTS = 5;
  private static final Pattern CHUNK_NOT_FOUND = Pattern.compile("Chunk \\d+ not found");
  /** org.h2.api.ErrorCode.ROW_NOT_FOUND_IN_PRIMARY_INDEX */
  private static final int ROW_NOT_FOUND_IN_PRIMARY_INDEX = 90143;
  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery");

  private final AtomicLong retried = new AtomicLong();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")) {
      return wrap(pool);
    }
    return bean;
  }

  DataSource wrap(DataSource pool) {
    return new Retrying(pool);
  }

  /** Reads run again since start. */
  long retried() {
    return retried.get();
  }

  /**
   * The race in the failure or its causes (H2 runs some statements again itself on a missed row, and then
   * reports its lock timeout with the race as the cause), or null.
   */
  static Throwable readRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ROW_NOT_FOUND_IN_PRIMARY_INDEX
          || t.getMessage() != null && CHUNK_NOT_FOUND.matcher(t.getMessage()).find()) {
        return t;
      }
    }
    return null;
  }

  static boolean isRead(String sql) {
    if (sql == null) {
      return false;
    }
    String start = sql.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("select") || start.startsWith("with");
  }

  private final class Retrying extends DelegatingDataSource {

    Retrying(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return connection(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return connection(super.getConnection(username, password));
    }
  }

  private Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          String name = method.getName();
          if (result instanceof Statement statement
              && (name.equals("createStatement") || name.equals("prepareStatement") || name.equals("prepareCall"))) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            return statement(statement, sql);
          }
          return result;
        });
  }

  private Statement statement(Statement target, String preparedSql) {
    Class<?> type = target instanceof CallableStatement ? CallableStatement.class
        : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    InvocationHandler handler = (proxy, method, args) -> {
      boolean hasSql = args != null && args.length > 0 && args[0] instanceof String;
      String sql = hasSql ? (String) args[0] : preparedSql;
      if (!EXECUTE.contains(method.getName()) || !isRead(sql)) {
        return invoke(target, method, args);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return invoke(target, method, args);
        } catch (SQLException failed) {
          Throwable race = readRace(failed);
          if (attempt >= ATTEMPTS || race == null) {
            throw failed;
          }
          retried.incrementAndGet();
          log.warn("H2 read raced its own writer; running the query again ({} of {}): {}",
              attempt + 1, ATTEMPTS, race.getMessage().lines().findFirst().orElse(""));
        }
      }
    };
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
