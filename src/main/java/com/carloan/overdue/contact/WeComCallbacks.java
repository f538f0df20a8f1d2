package com.carloan.overdue.contact;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeCom's callbacks (企业微信 回调): the URL check and the events. Only a callback that is signed with
 * our token, fresh, not seen before, encrypted with our key and addressed to our corp id is
 * accepted; anything else is 401 and changes nothing. Of the events, the borrower adding the
 * company's account (State = the case's {@code wecomState}) moves the case on; WeCom gets "success"
 * for every authentic event, known or not, since it retries anything else.
 */
@Service
class WeComCallbacks {

  private static final Logger log = LoggerFactory.getLogger(WeComCallbacks.class);
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{40}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern EXTERNAL_USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final WeComCrypto crypto;
  private final WeComSettings settings;
  private final WeComReplayGuard replays;
  private final LoanCases cases;
  private final WeChatContacts contacts;
  private final Agents agents;
  private final BusinessClock clock;
  private final TransactionTemplate transaction;

  WeComCallbacks(WeComCrypto crypto, WeComSettings settings, WeComReplayGuard replays, LoanCases cases,
      WeChatContacts contacts, Agents agents, BusinessClock clock, PlatformTransactionManager transactions) {
    this.crypto = crypto;
    this.settings = settings;
    this.replays = replays;
    this.cases = cases;
    this.contacts = contacts;
    this.agents = agents;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** URL verification: @return the decrypted {@code echostr} */
  String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
    authenticate(signature, timestamp, nonce, echostr);
    return decrypt(echostr);
  }

  /** An event callback, its body the XML envelope with {@code <Encrypt>}. */
  void receive(String signature, String timestamp, String nonce, String body) {
    String encrypted = field(envelope(body), "Encrypt");
    authenticate(signature, timestamp, nonce, encrypted);
    Map<String, String> event;
    try {
      event = SafeXml.fields(decrypt(encrypted));
    } catch (IllegalArgumentException e) {
      throw RequestRejected.invalid(List.of(new FieldError("Encrypt", "does not hold an XML message")));
    }
    transaction.executeWithoutResult(status -> {
      if (!replays.firstTime(nonce, signature.toLowerCase(), clock.now(), settings.callbackTolerance())) {
        throw unauthorized("This callback was received before");
      }
      handle(event);
    });
  }

  private void handle(Map<String, String> event) {
    String type = event.get("Event");
    boolean added = "change_external_contact".equals(type) && "add_external_contact".equals(event.get("ChangeType"))
        || "add_external_contact".equals(type);
    if (!added) {
      log.debug("WeCom event {} {} ignored", type, event.get("ChangeType"));
      return;
    }
    String state = event.get("State");
    LoanCase c = state == null ? null : cases.findByWeComState(state).filter(LoanCase::isOpen).orElse(null);
    if (c == null) {
      log.info("WeCom add-contact event without an open case for its state; ignored");
      return;
    }
    String externalUserId = event.get("ExternalUserID");
    if (externalUserId != null && !EXTERNAL_USER_ID.matcher(externalUserId).matches()) {
      externalUserId = null;
    }
    String userId = event.get("UserID");
    String agent = agents.exists(userId) ? userId : null;
    if (agent == null && userId != null) {
      log.info("Loan {}: the WeCom member the borrower added is no user here; verifyBorrower goes to the queue", c.loanId());
    }
    try {
      contacts.confirm(c.loanId(), externalUserId, agent);
      log.info("Loan {}: the borrower added the company's WeCom account", c.loanId());
    } catch (RequestRejected notWaiting) {
      log.info("Loan {}: WeCom add-contact event while the case does not wait for it; ignored", c.loanId());
    }
  }

  private void authenticate(String signature, String timestamp, String nonce, String encrypted) {
    if (signature == null || !SIGNATURE.matcher(signature).matches() || timestamp == null || nonce == null
        || !NONCE.matcher(nonce).matches()) {
      throw unauthorized("msg_signature, timestamp and nonce are required");
    }
    if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
      throw unauthorized("The signature is not WeCom's");
    }
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw unauthorized("The timestamp is not a time");
    }
    if (Duration.between(sent, clock.now()).abs().compareTo(settings.callbackTolerance()) > 0) {
      throw unauthorized("The timestamp is too far from now");
    }
  }

  private String decrypt(String encrypted) {
    try {
      return crypto.decrypt(encrypted);
    } catch (WeComCrypto.InvalidMessage e) {
      throw unauthorized("The message is not for this application: " + e.getMessage());
    }
  }

  private static Map<String, String> envelope(String body) {
    try {
      return SafeXml.fields(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      throw RequestRejected.invalid(List.of(new FieldError("body", "must be WeCom's XML: " + e.getMessage())));
    }
  }

  private static String field(Map<String, String> xml, String name) {
    String value = xml.get(name);
    if (value == null || value.isEmpty()) {
      throw RequestRejected.invalid(List.of(new FieldError(name, "is required")));
    }
    return value;
  }

  private static RequestRejected unauthorized(String detail) {
    return new RequestRejected(HttpStatus.UNAUTHORIZED, detail, List.of());
  }
}
