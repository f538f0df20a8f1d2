package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carloan.overdue.OverdueCollectionsApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile: no demo users, secrets from the environment or no start at all, the engine hardened. */
class ProductionProfileTest {

  private static final String KEY = "cHJvZHVjdGlvbi10ZXN0LWtleS1leGFjdGx5LTMyYiE=";

  private static ConfigurableApplicationContext start(String... extra) {
    // Command-line arguments, so they win over application.yaml as they would in production.
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--collections.scheduling.enabled=false"));
    for (String e : extra) {
      args.add("--" + e);
    }
    return new SpringApplicationBuilder(OverdueCollectionsApplication.class).profiles("prod")
        .run(args.toArray(String[]::new));
  }

  @Test
  void refusesToStartWithoutTheAdminPassword() {
    assertThatThrownBy(() -> start("COLLECTIONS_CRYPTO_KEY=" + KEY))
        .hasStackTraceContaining("COLLECTIONS_ADMIN_PASSWORD");
  }

  @Test
  void refusesToStartWithoutTheEncryptionKey() {
    assertThatThrownBy(() -> start("COLLECTIONS_ADMIN_PASSWORD=Adm1n-Pr0d-Secret!"))
        .hasStackTraceContaining("COLLECTIONS_CRYPTO_KEY");
  }

  @Test
  void startsHardenedWithoutDemoUsersWhenTheSecretsAreGiven() {
    try (var context = start("COLLECTIONS_ADMIN_PASSWORD=Adm1n-Pr0d-Secret!", "COLLECTIONS_CRYPTO_KEY=" + KEY,
        "COLLECTIONS_WECOM_CORP_ID=ww-prod-corp", "COLLECTIONS_WECOM_TOKEN=prod-callback-token",
        "COLLECTIONS_WECOM_ENCODING_AES_KEY=" + "a".repeat(43))) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      var identity = engine.getIdentityService();
      assertThat(identity.createUserQuery().userId("agent1").count()).isZero();
      assertThat(identity.createUserQuery().userId("loansys").count()).isZero();
      assertThat(identity.checkPassword("admin", "Adm1n-Pr0d-Secret!")).isTrue();
      assertThat(identity.createGroupQuery().groupId("collection-agent").count()).isEqualTo(1);

      var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(config.isAuthorizationEnabled()).isTrue();
      assertThat(config.isEnablePasswordPolicy()).isTrue();
      assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
      assertThat(config.getQueryMaxResultsLimit()).isEqualTo(2000);
      assertThat(config.getLoginMaxAttempts()).isEqualTo(5);
      assertThat(identity.checkPasswordAgainstPolicy("agent").isValid()).isFalse();
      assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.same-site")).isEqualTo("strict");
    }
  }
}
