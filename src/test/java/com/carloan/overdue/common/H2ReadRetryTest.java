package com.carloan.overdue.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class H2ReadRetryTest {

  private static final String DROPPED = "General error: \"org.h2.mvstore.MVStoreException: Chunk 33 not found "
      + "[2.3.232/9]\" [50000-232]";

  private final H2ReadRetry retry = new H2ReadRetry();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void aReadThatHitsADroppedChunkRunsAgain() throws SQLException {
    DataSource db = retry.wrap(failing(1, DROPPED));
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select RES.ID_ from ACT_RU_TASK RES")) {
      assertThat(ps.execute()).isTrue();
    }
    assertThat(runs).hasValue(2);
    assertThat(retry.retried()).isEqualTo(1);
  }

  @Test
  void aReadThatMissesADeletedRowRunsAgain() throws SQLException {
    DataSource db = retry.wrap(failing(1, "Row \"2437\" not found in primary index \"PUBLIC.ACT_RU_AUTHORIZATION_DATA\"",
        90143));
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(" SELECT 1")) {
      ps.executeQuery();
    }
    assertThat(runs).hasValue(2);
  }

  @Test
  void itGivesUpAfterItsAttempts() throws SQLException {
    DataSource db = retry.wrap(failing(10, DROPPED));
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select 1")) {
      assertThatThrownBy(ps::executeQuery).hasMessageContaining("Chunk 33 not found");
    }
    assertThat(runs).hasValue(H2ReadRetry.ATTEMPTS);
  }

  @Test
  void aWriteOrAnotherFailureIsNotRunAgain() throws SQLException {
    try (Connection c = retry.wrap(failing(1, DROPPED)).getConnection();
        PreparedStatement ps = c.prepareStatement("update ACT_RU_TASK set REV_ = 2")) {
      assertThatThrownBy(ps::execute).isInstanceOf(SQLException.class);
    }
    try (Connection c = retry.wrap(failing(1, "Timeout trying to lock table")).getConnection();
        PreparedStatement ps = c.prepareStatement("select 1")) {
      assertThatThrownBy(ps::execute).hasMessageContaining("lock");
    }
    assertThat(runs).hasValue(2);
    assertThat(retry.retried()).isZero();
  }

  /** A database whose statements fail {@code times} times with {@code message}, then succeed. */
  private DataSource failing(int times, String message) {
    return failing(times, message, 50000);
  }

  private DataSource failing(int times, String message, int errorCode) {
    AtomicInteger failures = new AtomicInteger();
    PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
          case "execute", "executeQuery" -> {
            runs.incrementAndGet();
            if (failures.incrementAndGet() <= times) {
              throw new SQLException(message, "HY000", errorCode);
            }
            yield method.getName().equals("execute") ? Boolean.TRUE : null;
          }
          default -> null;
        });
    Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("prepareStatement")
            ? statement : null);
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> method.getName().equals("getConnection") ? connection : null);
  }
}
