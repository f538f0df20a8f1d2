package com.carloan.overdue.contact;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Records each "contact me" entry instead of calling WeCom. */
@Component
@ConditionalOnProperty(name = "collections.wecom.provider", havingValue = "local", matchIfMissing = true)
class LocalWeComClient implements WeComClient {

  private final GatewayRecords records;

  LocalWeComClient(GatewayRecords records) {
    this.records = records;
  }

  @Override
  public ContactWay createContactWay(String loanId, String state, String ownerUserId) {
    ContactWay way = new ContactWay("local-" + state, "https://work.weixin.qq.com/ca/local-" + state);
    records.record("WECOM", loanId, state, null, "add_contact_way state=" + state
        + (ownerUserId == null ? "" : " user=" + ownerUserId) + " url=" + way.url());
    return way;
  }
}
