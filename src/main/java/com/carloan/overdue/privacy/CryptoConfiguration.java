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
   * (id → base64 key) only decrypt, so a key can rotate without losing old records. {@code .lookup-key}
   * (base64) keys the borrower lookup hash; it must not change when the key rotates, so once there are
   * retired keys it is required: set it to the key that was current before the first rotation.
   */
  @ConfigurationProperties("collections.crypto")
  record CryptoSettings(String keyId, String key, Map<String, String> retiredKeys, String lookupKey) {}

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
    if (settings.lookupKey() == null || settings.lookupKey().isBlank()) {
      return new FieldCipher(settings.keyId(), keys);
    }
    return new FieldCipher(settings.keyId(), keys, Base64.getDecoder().decode(settings.lookupKey()));
  }
}
