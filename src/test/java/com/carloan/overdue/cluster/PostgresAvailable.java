package com.carloan.overdue.cluster;

import com.carloan.overdue.MissingPrerequisite;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The PostgreSQL pass ({@code -Dcollections.test.database=postgres}) and the tests marked {@link Needed}
 * run only where the server answers; asked once per JVM. Registered for every test class through
 * JUnit's extension autodetection (junit-platform.properties), so no test needs to name it.
 */
public class PostgresAvailable implements ExecutionCondition {

  /** A test that needs the machine's PostgreSQL whichever pass runs it. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Needed {
  }

  private static volatile String unreachable;
  private static volatile boolean asked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean needed = PostgresTestDatabase.requested()
        || context.getTestClass().filter(c -> AnnotationSupport.isAnnotated(c, Needed.class)).isPresent();
    if (!needed) {
      return ConditionEvaluationResult.enabled("does not use PostgreSQL");
    }
    String why = unreachable();
    if (why == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.serverUrl());
    }
    String tests = PostgresTestDatabase.requested() ? "PostgreSQL pass" : "PostgreSQL tests";
    return MissingPrerequisite.skipOrFail(tests, "nothing answers on " + address() + " (" + why
        + ") — install with: apt-get install postgresql (user postgres, trust auth on 127.0.0.1)");
  }

  /** host:port of the server URL, as a person would name it */
  private static String address() {
    return PostgresTestDatabase.serverUrl().replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
  }

  /** @return null when the server answers, else why not */
  private static synchronized String unreachable() {
    if (!asked) {
      DriverManager.setLoginTimeout(5);
      try (var ignored = DriverManager.getConnection(PostgresTestDatabase.serverUrl() + "postgres",
          PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
        unreachable = null;
      } catch (SQLException e) {
        unreachable = String.valueOf(e.getMessage()).split("\\. ", 2)[0];
      }
      asked = true;
    }
    return unreachable;
  }
}
