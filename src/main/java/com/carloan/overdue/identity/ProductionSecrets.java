package com.carloan.overdue.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile starts only with its secrets given: without them the engine is never built, so no
 * admin with an empty password and no personal data under a development key can come into being.
 */
@Component
@Profile("prod")
class ProductionSecrets extends AbstractProcessEnginePlugin {

  static final int MIN_ADMIN_PASSWORD = 12;

  private final String adminPassword;
  private final String cryptoKey;

  ProductionSecrets(@Value("${collections.admin-password:}") String adminPassword,
      @Value("${collections.crypto.key:}") String cryptoKey) {
    this.adminPassword = adminPassword;
    this.cryptoKey = cryptoKey;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalStateException("The prod profile needs the admin password in the environment variable "
          + "COLLECTIONS_ADMIN_PASSWORD; refusing to start without it.");
    }
    if (adminPassword.length() < MIN_ADMIN_PASSWORD) {
      throw new IllegalStateException("COLLECTIONS_ADMIN_PASSWORD must be at least " + MIN_ADMIN_PASSWORD
          + " characters; refusing to start.");
    }
    if (cryptoKey == null || cryptoKey.isBlank()) {
      throw new IllegalStateException("The prod profile needs COLLECTIONS_CRYPTO_KEY (base64 of 32 random bytes) "
          + "to encrypt borrowers' data; refusing to start without it.");
    }
  }
}
