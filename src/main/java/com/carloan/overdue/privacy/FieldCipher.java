package com.carloan.overdue.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data at rest (phone and ID numbers, message content). A ciphertext reads
 * {@code keyId:base64(iv|ciphertext+tag)}, so old records stay readable after the current key rotates.
 */
public final class FieldCipher {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;
  private final SecretKey lookupKey;
  private final SecureRandom random = new SecureRandom();

  /**
   * A single key that both encrypts and derives the lookup key. Refuses retired keys: after a rotation the
   * lookup must keep deriving from the earlier secret, so use the constructor that names it.
   *
   * @param currentKeyId the key new values are encrypted with
   * @param keys the current key id with its 32-byte key
   */
  public FieldCipher(String currentKeyId, Map<String, byte[]> keys) {
    this(currentKeyId, keys, singleKey(currentKeyId, keys));
  }

  /**
   * @param currentKeyId the key new values are encrypted with
   * @param keys every key id still needed to decrypt, with its 32-byte key
   * @param lookupSecret at least 32 bytes that never rotate: stored lookup hashes (the borrower key that the
   *     daily contact cap counts by) must stay the same when the encryption key rotates
   */
  public FieldCipher(String currentKeyId, Map<String, byte[]> keys, byte[] lookupSecret) {
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("No key with id " + currentKeyId);
    }
    this.currentKeyId = currentKeyId;
    this.keys = keys.entrySet().stream().collect(
        java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> aesKey(e.getKey(), e.getValue())));
    if (lookupSecret == null || lookupSecret.length < 32) {
      throw new IllegalArgumentException("The lookup secret must be at least 32 bytes");
    }
    this.lookupKey = new SecretKeySpec(hmac(lookupSecret, "lookup"), "HmacSHA256");
  }

  private static byte[] singleKey(String currentKeyId, Map<String, byte[]> keys) {
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("No key with id " + currentKeyId);
    }
    if (keys.size() > 1) {
      throw new IllegalArgumentException("With retired keys, name the lookup secret (the key lookups were made with "
          + "before the rotation), or every borrower gets a new lookup hash");
    }
    return keys.get(currentKeyId);
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(String stored) {
    int colon = stored.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("Not a ciphertext of this application");
    }
    String keyId = stored.substring(0, colon);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("Unknown key id " + keyId + ": keep retired keys configured until data is re-encrypted");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed: the value was altered or the key is wrong", e);
    }
  }

  /** A keyed, stable digest: groups records by a phone number without storing the number. */
  public String lookupHash(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(lookupKey);
      return java.util.HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecretKey aesKey(String id, byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("Key " + id + " must be 32 bytes (AES-256), was " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  private static byte[] hmac(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
