package com.carloan.overdue.contact;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays WeCom in the tests: signs and encrypts callbacks by the published algorithm, written here
 * again on purpose (not with the application's {@link WeComCrypto}), so the two must agree.
 */
public final class WeComSimulator {

  private final String token;
  private final byte[] aesKey;
  private final String corpId;
  private long nonces = 100_000;

  public WeComSimulator(String token, String encodingAesKey, String corpId) {
    this.token = token;
    this.aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
    this.corpId = corpId;
  }

  WeComSimulator forCorp(String otherCorpId) {
    return new WeComSimulator(token, Base64.getEncoder().withoutPadding().encodeToString(aesKey), otherCorpId);
  }

  /** A callback as WeCom sends it: query string and XML body. */
  public record Callback(String query, String body, String signature, String timestamp, String nonce, String echostr) {

    public Callback withSignature(String forged) {
      return new Callback(queryOf(forged, timestamp, nonce, echostr), body, forged, timestamp, nonce, echostr);
    }
  }

  Callback event(String eventXml, long epochSecond) {
    String timestamp = String.valueOf(epochSecond);
    String nonce = String.valueOf(nonces++);
    String encrypted = encrypt(eventXml);
    String signature = sign(timestamp, nonce, encrypted);
    String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID>"
        + "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
    return new Callback(queryOf(signature, timestamp, nonce, null), body, signature, timestamp, nonce, null);
  }

  /** The URL check WeCom sends when an admin saves the callback URL. */
  public Callback urlCheck(String echo, long epochSecond) {
    String timestamp = String.valueOf(epochSecond);
    String nonce = String.valueOf(nonces++);
    String encrypted = encrypt(echo);
    String signature = sign(timestamp, nonce, encrypted);
    return new Callback(queryOf(signature, timestamp, nonce, encrypted), null, signature, timestamp, nonce, encrypted);
  }

  static String addExternalContact(String state, String userId, String externalUserId) {
    return "<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
        + "<CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>"
        + "<UserID><![CDATA[" + userId + "]]></UserID><ExternalUserID><![CDATA[" + externalUserId + "]]></ExternalUserID>"
        + "<State><![CDATA[" + state + "]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>";
  }

  String sign(String timestamp, String nonce, String encrypted) {
    String[] parts = {token, timestamp, nonce, encrypted};
    Arrays.sort(parts);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String encrypt(String message) {
    byte[] random = new byte[16];
    new java.security.SecureRandom().nextBytes(random);
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] corp = corpId.getBytes(StandardCharsets.UTF_8);
    int length = 16 + 4 + msg.length + corp.length;
    int pad = 32 - length % 32;
    byte[] plain = ByteBuffer.allocate(length + pad).put(random).putInt(msg.length).put(msg).put(corp).array();
    Arrays.fill(plain, length, plain.length, (byte) pad);
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(aesKey, 0, 16));
      return Base64.getEncoder().encodeToString(aes.doFinal(plain));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String queryOf(String signature, String timestamp, String nonce, String echostr) {
    return "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce
        + (echostr == null ? "" : "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8));
  }
}
