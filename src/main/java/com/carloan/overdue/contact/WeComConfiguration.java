package com.carloan.overdue.contact;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WeComConfiguration {

  /** Fails the start when the key is not a 43-character EncodingAESKey. */
  @Bean
  WeComCrypto weComCrypto(WeComSettings settings) {
    return new WeComCrypto(settings.token(), settings.encodingAesKey(), settings.corpId());
  }
}
