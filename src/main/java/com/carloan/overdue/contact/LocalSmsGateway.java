package com.carloan.overdue.contact;

import com.carloan.overdue.privacy.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Records each SMS instead of sending it: the default until a provider is configured. */
@Component
@ConditionalOnProperty(name = "collections.sms.provider", havingValue = "local", matchIfMissing = true)
class LocalSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(LocalSmsGateway.class);

  private final GatewayRecords records;

  LocalSmsGateway(GatewayRecords records) {
    this.records = records;
  }

  @Override
  public void send(String reference, String loanId, String phone, String text) {
    if (records.record("SMS", loanId, reference, PhoneNumbers.mask(phone), text)) {
      log.info("SMS {} for loan {} recorded (local gateway, not sent)", reference, loanId);
    }
  }
}
