package com.carloan.overdue.contact;

import com.carloan.overdue.process.CollectionSettings;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ContactConfiguration {

  @Bean
  ContactPolicy contactPolicy(CollectionSettings settings) {
    CollectionSettings.ContactPolicySettings p = settings.contactPolicy();
    return new ContactPolicy(ZoneId.of(p.zone()), p.windowStart(), p.windowEnd(), p.maxAttemptsPerDay());
  }
}
