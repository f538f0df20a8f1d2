package com.carloan.overdue.contact;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the local gateway implementations put what they would have sent: one row per reference,
 * the payload encrypted like any other personal data.
 */
@Component
public class GatewayRecords {

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final BusinessClock clock;

  GatewayRecords(JdbcTemplate jdbc, FieldCipher cipher, BusinessClock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** @return false when this reference was recorded before (a resend), true when recorded now */
  boolean record(String gateway, String loanId, String reference, String recipientMasked, String payload) {
    Integer seen = jdbc.queryForObject("select count(*) from gateway_record where gateway = ? and reference = ?",
        Integer.class, gateway, reference);
    if (seen != null && seen > 0) {
      return false;
    }
    jdbc.update("insert into gateway_record (gateway, loan_id, reference, recipient_masked, payload_cipher, recorded_at) "
        + "values (?, ?, ?, ?, ?, ?)", gateway, loanId, reference, recipientMasked, cipher.encrypt(payload),
        Timestamp.from(clock.now()));
    return true;
  }
}
