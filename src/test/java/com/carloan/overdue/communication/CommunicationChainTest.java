package com.carloan.overdue.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.process.ProcessTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The evidence chain notices a record changed, removed or re-keyed behind the application's back. */
class CommunicationChainTest extends ProcessTestSupport {

  @Autowired CommunicationLog log;
  @Autowired LoanCases cases;
  @Autowired FieldCipher cipher;

  private LoanCase c;

  @BeforeEach
  void caseWithThreeRecords() {
    var pi = openWeChatCase(); // record 1: the WeCom request SMS
    c = cases.requireActive(loanId(pi));
    log.append(c, CommunicationLog.Channel.WECHAT, CommunicationLog.Direction.INBOUND, "我下周发工资后还款", "agent1");
    log.append(c, CommunicationLog.Channel.WECHAT, CommunicationLog.Direction.OUTBOUND, "好的，请于12月8日前还款", "agent1");
  }

  private CommunicationLog.ChainStatus status() {
    return log.verify(c.loanId(), log.list(c.id()));
  }

  @Test
  void anUntouchedChainVerifies() {
    var status = status();

    assertThat(status.verified()).isTrue();
    assertThat(status.records()).isEqualTo(3);
    assertThat(status.head()).isEqualTo(log.list(c.id()).get(2).hash());
    assertThat(log.list(c.id()).get(1).prevHash()).isEqualTo(log.list(c.id()).get(0).hash());
  }

  @Test
  void contentReplacedWithAnotherValidCiphertextBreaksTheChainThere() {
    jdbc.update("update communication set content_cipher = ? where case_id = ? and seq = 2",
        cipher.encrypt("我拒绝还款"), c.id());

    var status = status();

    assertThat(status.verified()).isFalse();
    assertThat(status.firstBrokenSeq()).isEqualTo(2);
  }

  @Test
  void aDeletedRecordBreaksTheChain() {
    jdbc.update("delete from communication where case_id = ? and seq = 2", c.id());

    assertThat(status().verified()).isFalse();
    assertThat(status().firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void aChangedAuthorBreaksTheChain() {
    jdbc.update("update communication set recorded_by = 'agent2' where case_id = ? and seq = 3", c.id());

    assertThat(status().firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void rehashingOneRecordStillBreaksTheNextLink() {
    var second = log.list(c.id()).get(1);
    String forged = HashChain.link(second.prevHash(), c.loanId(), 2, "WECHAT", "INBOUND", "我拒绝还款", "agent1",
        second.recordedAt());
    jdbc.update("update communication set content_cipher = ?, hash = ? where case_id = ? and seq = 2",
        cipher.encrypt("我拒绝还款"), forged, c.id());

    assertThat(status().firstBrokenSeq()).isEqualTo(3);
  }
}
