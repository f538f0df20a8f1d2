package com.carloan.overdue.cluster;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * With {@code -Dcollections.test.database=postgres} (the {@code postgres-tests} run of {@code ./mvnw verify}),
 * every Spring test context gets a database of its own on PostgreSQL instead of the in-memory H2 its
 * test names, created when the context starts and dropped when it closes. The tests themselves do not
 * change: what they assert on H2 must hold on PostgreSQL.
 */
class FreshPostgresPerContext implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    return PostgresTestDatabase.requested() ? new OwnDatabase() : null;
  }

  /** Equal to every other instance: the switch does not split Spring's context cache. */
  private static final class OwnDatabase implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      String database = PostgresTestDatabase.create();
      // Above the test's own spring.datasource.url; a small pool, as many contexts stay cached at once.
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshPostgres", Map.of(
          "spring.datasource.url", PostgresTestDatabase.url(database),
          "spring.datasource.username", PostgresTestDatabase.user(),
          "spring.datasource.password", PostgresTestDatabase.password(),
          "spring.datasource.hikari.maximum-pool-size", "6",
          "spring.datasource.hikari.minimum-idle", "1",
          "camunda.bpm.database.type", "postgres")));
      // Registered before any other bean, so destroyed after all of them: the pool is closed by then.
      ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("freshPostgresDatabase",
          () -> PostgresTestDatabase.drop(database));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OwnDatabase;
    }

    @Override
    public int hashCode() {
      return OwnDatabase.class.hashCode();
    }
  }
}
