package com.carloan.overdue.contact;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/wecom/callback}, WeCom's "receive events" URL. No Basic credentials: WeCom signs each
 * request instead (see {@link WeComCallbacks}), so Spring Security lets this path through.
 */
@RestController
class WeComCallbackController {

  private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

  private final WeComCallbacks callbacks;

  WeComCallbackController(WeComCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  /** WeCom checks the URL when an admin saves it: answer the decrypted echostr, as is. */
  @GetMapping("/api/wecom/callback")
  ResponseEntity<String> verifyUrl(@RequestParam(name = "msg_signature", required = false) String signature,
      @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
      @RequestParam(required = false) String echostr) {
    if (echostr == null) {
      throw RequestRejected.invalid(List.of(new FieldError("echostr", "is required")));
    }
    return ResponseEntity.ok().contentType(TEXT).body(callbacks.verifyUrl(signature, timestamp, nonce, echostr));
  }

  @PostMapping("/api/wecom/callback")
  ResponseEntity<String> receive(@RequestParam(name = "msg_signature", required = false) String signature,
      @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
      InputStream body) throws IOException {
    callbacks.receive(signature, timestamp, nonce, new String(body.readAllBytes(), StandardCharsets.UTF_8));
    return ResponseEntity.ok().contentType(TEXT).body("success");
  }
}
