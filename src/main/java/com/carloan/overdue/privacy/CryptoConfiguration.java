package com.carloan.overdue.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@org.springframework.boot.context.properties.EnableConfigurationProperties(CryptoConfiguration.CryptoSettings.class)
class CryptoConfiguration {

  /**
   * {@code collections.crypto.key-id} and {@code .key} (base64, 32 bytes) encrypt; {@code .retired-keys}
   * (id → base64 key) only decrypt, so a key can rotate without losing old records.
   */
  @ConfigurationProperties("collections.crypto")
  record CryptoSettings(String keyId, String key, Map<String, String> retiredKeys) {}

  @Bean
  FieldCipher fieldCipher(CryptoSettings settings) {
    if (settings.keyId() == null || settings.key() == null || settings.key().isBlank()) {
      throw new IllegalStateException("collections.crypto.key-id and collections.crypto.key must be set");
    }
    Map<String, byte[]> keys = new LinkedHashMap<>();
    if (settings.retiredKeys() != null) {
      settings.retiredKeys().forEach((id, k) -> keys.put(id, Base64.getDecoder().decode(k)));
    }
    keys.put(settings.keyId(), Base64.getDecoder().decode(settings.key()));
    return new FieldCipher(settings.keyId(), keys);
  }
}
