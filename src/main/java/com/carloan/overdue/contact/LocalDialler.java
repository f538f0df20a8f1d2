package com.carloan.overdue.contact;

import com.carloan.overdue.privacy.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Records each dial instead of placing it: the default until a call centre is configured. */
@Component
@ConditionalOnProperty(name = "collections.dialler.provider", havingValue = "local", matchIfMissing = true)
class LocalDialler implements Dialler {

  private static final Logger log = LoggerFactory.getLogger(LocalDialler.class);

  private final GatewayRecords records;

  LocalDialler(GatewayRecords records) {
    this.records = records;
  }

  @Override
  public Dialled dial(String reference, String loanId, String agentUserId, String phone) {
    if (records.record("DIALLER", loanId, reference, PhoneNumbers.mask(phone), "agent " + agentUserId + " -> " + phone)) {
      log.info("Dial {} for loan {} by {} recorded (local dialler, not placed)", reference, loanId, agentUserId);
    }
    return new Dialled("local-" + reference);
  }
}
