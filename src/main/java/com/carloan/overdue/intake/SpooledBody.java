package com.carloan.overdue.intake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * A request body kept in a temporary file so it can be read more than once without being held in
 * memory. The file holds borrowers' phone and ID numbers, so it is encrypted with a key that only
 * this object knows (AES-CTR): a file left behind by a crash is unreadable.
 */
final class SpooledBody implements Closeable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final SecretKey key;
  private final byte[] iv = new byte[16];

  private SpooledBody(Path file) throws GeneralSecurityException {
    this.file = file;
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256, RANDOM);
    this.key = generator.generateKey();
    RANDOM.nextBytes(iv);
  }

  static SpooledBody copy(InputStream body) throws IOException {
    Path file = Files.createTempFile("case-import-", ".bin");
    try {
      SpooledBody spooled = new SpooledBody(file);
      try (OutputStream out = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
          spooled.cipher(Cipher.ENCRYPT_MODE))) {
        body.transferTo(out);
      }
      return spooled;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    } catch (GeneralSecurityException e) {
      Files.deleteIfExists(file);
      throw new IllegalStateException("AES is part of every JRE", e);
    }
  }

  /** The body from its start, as often as needed. */
  InputStream open() throws IOException {
    try {
      return new BufferedInputStream(new CipherInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
          cipher(Cipher.DECRYPT_MODE)), 1 << 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is part of every JRE", e);
    }
  }

  Path path() {
    return file;
  }

  private Cipher cipher(int mode) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
    cipher.init(mode, key, new IvParameterSpec(iv));
    return cipher;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
