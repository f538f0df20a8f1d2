package com.carloan.overdue.contact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback encryption (企业微信 回调 加解密方案): {@code msg_signature} is the SHA-1 hex of the
 * sorted concatenation of token, timestamp, nonce and the encrypted text; the text is AES-256-CBC
 * with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding to 32-byte
 * blocks, over 16 random bytes, the message length (4 bytes, big-endian), the message and the
 * receive id (the corp id). A plain class, so a unit test drives it with WeCom's published examples.
 */
public final class WeComCrypto {

  private static final int BLOCK = 32;
  private static final int RANDOM_BYTES = 16;

  private final String token;
  private final String receiveId;
  private final SecretKeySpec key;
  private final IvParameterSpec iv;

  /** Why a message is not accepted as WeCom's. */
  public static final class InvalidMessage extends Exception {
    public InvalidMessage(String message) {
      super(message);
    }
  }

  /**
   * @param encodingAesKey the 43-character EncodingAESKey of the WeCom callback settings
   * @param receiveId the corp id every message must name
   */
  public WeComCrypto(String token, String encodingAesKey, String receiveId) {
    if (token == null || token.isBlank() || receiveId == null || receiveId.isBlank()) {
      throw new IllegalArgumentException("WeCom token and corp id are required");
    }
    if (encodingAesKey == null || !encodingAesKey.matches("[A-Za-z0-9]{43}")) {
      throw new IllegalArgumentException("The WeCom EncodingAESKey must be 43 characters of A-Z, a-z and 0-9");
    }
    byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
    this.token = token;
    this.receiveId = receiveId;
    this.key = new SecretKeySpec(raw, "AES");
    this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
  }

  public String signature(String timestamp, String nonce, String encrypted) {
    String[] parts = {token, timestamp, nonce, encrypted};
    Arrays.sort(parts);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is part of every JRE", e);
    }
  }

  /** Compares in constant time, so the answer's timing tells nothing about the right signature. */
  public boolean verify(String signature, String timestamp, String nonce, String encrypted) {
    if (signature == null || timestamp == null || nonce == null || encrypted == null) {
      return false;
    }
    byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }

  /** @return the message, once its receive id is the configured corp id */
  public String decrypt(String encrypted) throws InvalidMessage {
    byte[] plain;
    try {
      byte[] sealed = Base64.getDecoder().decode(encrypted);
      if (sealed.length == 0 || sealed.length % 16 != 0) {
        throw new InvalidMessage("the encrypted text has a wrong length");
      }
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, iv);
      plain = cipher.doFinal(sealed);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessage("the encrypted text is not Base64");
    } catch (GeneralSecurityException e) {
      throw new InvalidMessage("the encrypted text does not decrypt");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new InvalidMessage("the decrypted text has a wrong padding");
    }
    int end = plain.length - pad;
    if (end < RANDOM_BYTES + 4) {
      throw new InvalidMessage("the decrypted text is too short");
    }
    int length = ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt();
    int messageStart = RANDOM_BYTES + 4;
    if (length < 0 || length > end - messageStart) {
      throw new InvalidMessage("the decrypted text has a wrong message length");
    }
    String message = new String(plain, messageStart, length, StandardCharsets.UTF_8);
    String from = new String(plain, messageStart + length, end - messageStart - length, StandardCharsets.UTF_8);
    if (!receiveId.equals(from)) {
      throw new InvalidMessage("the message is for another corp id");
    }
    return message;
  }

  /** Encrypts a message as WeCom does (for passive replies, and for tests that play WeCom). */
  public String encrypt(String message, byte[] random16) {
    if (random16.length != RANDOM_BYTES) {
      throw new IllegalArgumentException("16 random bytes expected");
    }
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
    int length = RANDOM_BYTES + 4 + msg.length + id.length;
    int pad = BLOCK - length % BLOCK;
    ByteBuffer plain = ByteBuffer.allocate(length + pad).put(random16).putInt(msg.length).put(msg).put(id);
    while (plain.hasRemaining()) {
      plain.put((byte) pad);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, iv);
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC is part of every JRE", e);
    }
  }
}
