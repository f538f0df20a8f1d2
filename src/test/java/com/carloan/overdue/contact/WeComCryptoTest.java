package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** WeCom's own published examples (Sample.cpp / Sample.java of the 加解密 library) and their variations. */
class WeComCryptoTest {

  // The sample settings WeCom publishes with its library.
  private static final String TOKEN = "QDG6eK";
  private static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  private static final String CORP = "wx5823bf96d3bd56c7";

  private final WeComCrypto crypto = new WeComCrypto(TOKEN, KEY, CORP);

  @Test
  void verifiesAndDecryptsTheSampleUrlCheck() throws Exception {
    String echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echostr)).isTrue();
    assertThat(crypto.decrypt(echostr)).isEqualTo("1616140317555161061");
  }

  @Test
  void verifiesAndDecryptsTheSampleMessage() throws Exception {
    String encrypted = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
        + "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+"
        + "LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9"
        + "EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXd"
        + "Q2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    assertThat(crypto.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypted)).isTrue();
    String message = crypto.decrypt(encrypted);
    assertThat(message).startsWith("<xml>").contains("<ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>")
        .endsWith("</xml>");
  }

  @Test
  void aChangedSignatureTimestampNonceOrTextFailsTheCheck() {
    String echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", "1409659589", "263014780", echostr)).isFalse();
    assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659590", "263014780", echostr)).isFalse();
    assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014781", echostr)).isFalse();
    assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", "x" + echostr)).isFalse();
    assertThat(crypto.verify(null, "1409659589", "263014780", echostr)).isFalse();
    assertThat(new WeComCrypto("other", KEY, CORP)
        .verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echostr)).isFalse();
  }

  @Test
  void encryptsWhatItDecrypts() throws Exception {
    String message = "<xml><Content><![CDATA[这是一个中文测试 a test]]></Content></xml>";
    String sealed = crypto.encrypt(message, "aaaabbbbccccdddd".getBytes());

    assertThat(crypto.decrypt(sealed)).isEqualTo(message);
    assertThat(Base64.getDecoder().decode(sealed).length % 32).isZero();
  }

  @Test
  void aMessageForAnotherCorpIsRefused() {
    String sealed = new WeComCrypto(TOKEN, KEY, "wwSomeoneElse").encrypt("<xml/>", new byte[16]);

    assertThatThrownBy(() -> crypto.decrypt(sealed)).isInstanceOf(WeComCrypto.InvalidMessage.class)
        .hasMessageContaining("another corp id");
  }

  @Test
  void garbageIsRefusedWithoutAnUncheckedException() {
    String otherKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    String sealedWithOtherKey = new WeComCrypto(TOKEN, otherKey, CORP).encrypt("<xml/>", new byte[16]);

    assertThatThrownBy(() -> crypto.decrypt(sealedWithOtherKey)).isInstanceOf(WeComCrypto.InvalidMessage.class);
    assertThatThrownBy(() -> crypto.decrypt("not base64!")).isInstanceOf(WeComCrypto.InvalidMessage.class);
    assertThatThrownBy(() -> crypto.decrypt("")).isInstanceOf(WeComCrypto.InvalidMessage.class);
    assertThatThrownBy(() -> crypto.decrypt("AAAA")).isInstanceOf(WeComCrypto.InvalidMessage.class);
  }

  @Test
  void aKeyThatIsNotAnEncodingAesKeyIsRefusedAtStart() {
    assertThatThrownBy(() -> new WeComCrypto(TOKEN, KEY + "x", CORP)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WeComCrypto(TOKEN, KEY.replace('j', '+'), CORP)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WeComCrypto("", KEY, CORP)).isInstanceOf(IllegalArgumentException.class);
  }
}
