package com.carloan.overdue.contact;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.identity.GroupAuthority;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent confirms that the borrower added the company's WeCom account, for when the callback did
 * not come (CONTRACT §2). The body is optional: {@code {"externalUserId": "wm…", "agentUserId": "agent1"}}.
 */
@RestController
class WeChatContactController {

  private static final Pattern EXTERNAL_USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  private final WeChatContacts contacts;
  private final Agents agents;
  private final JsonBody json;

  WeChatContactController(WeChatContacts contacts, Agents agents, JsonBody json) {
    this.contacts = contacts;
    this.agents = agents;
    this.json = json;
  }

  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping("/api/cases/{loanId}/wechat-contact")
  ResponseEntity<Void> confirm(@PathVariable String loanId,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType, InputStream body)
      throws IOException, HttpMediaTypeNotSupportedException {
    JsonNode node = json.readOptional(body, contentType);
    String externalUserId = null;
    String agentUserId = null;
    List<FieldError> errors = new ArrayList<>();
    if (node != null) {
      JsonFields fields = JsonFields.of(node);
      externalUserId = fields.text("externalUserId");
      agentUserId = fields.text("agentUserId");
      errors.addAll(fields.errors());
    }
    if (externalUserId != null && !EXTERNAL_USER_ID.matcher(externalUserId).matches()) {
      errors.add(new FieldError("externalUserId", "must be 1-64 characters of A-Z, a-z, 0-9, _ or -"));
    }
    if (agentUserId != null && !USER_ID.matcher(agentUserId).matches()) {
      errors.add(new FieldError("agentUserId", "must be 1-64 characters of A-Z, a-z, 0-9, _ . @ or -"));
    } else if (agentUserId != null && !agents.exists(agentUserId)) {
      errors.add(new FieldError("agentUserId", "is not a user of this application"));
    }
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    contacts.confirm(loanId, externalUserId, agentUserId);
    return ResponseEntity.noContent().build();
  }
}
