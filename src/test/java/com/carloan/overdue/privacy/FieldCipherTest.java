package com.carloan.overdue.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AES-256-GCM for personal data at rest, with key rotation, and the keyed lookup hash of a phone number. */
class FieldCipherTest {

  private static final byte[] K1 = key(1);
  private static final byte[] K2 = key(2);

  private static byte[] key(int seed) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) seed);
    k[31] = (byte) (seed * 7);
    return k;
  }

  private final FieldCipher cipher = new FieldCipher("k1", Map.of("k1", K1));

  @ParameterizedTest
  @ValueSource(strings = {"13812345678", "11010519491231002X", "您好，张三，请添加企业微信：鼎信汽车金融 🚗", "", "a:b:c"})
  void decryptReturnsWhatWasEncrypted(String plain) {
    assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
  }

  @Test
  void theCiphertextDoesNotContainThePlaintext() {
    String plain = "张三 13812345678";

    String stored = cipher.encrypt(plain);
    String payload = stored.substring(stored.indexOf(':') + 1);
    byte[] raw = Base64.getDecoder().decode(payload);

    assertThat(stored).startsWith("k1:").doesNotContain("13812345678").doesNotContain("张三");
    assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("13812345678").doesNotContain("张三");
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
  }

  @Test
  void theSamePlaintextEncryptsDifferentlyEachTime() {
    Set<String> ciphertexts = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      ciphertexts.add(cipher.encrypt("13812345678"));
    }

    assertThat(ciphertexts).hasSize(20);
    assertThat(ciphertexts).allSatisfy(c -> assertThat(cipher.decrypt(c)).isEqualTo("13812345678"));
  }

  @Test
  void anAlteredCiphertextFailsToDecrypt() {
    String stored = cipher.encrypt("张三欠款 8500.00 元");
    byte[] raw = Base64.getDecoder().decode(stored.substring(3));

    for (int position : new int[] {0, 11, 12, raw.length / 2, raw.length - 1}) {
      byte[] altered = raw.clone();
      altered[position] ^= 0x01;
      String tampered = "k1:" + Base64.getEncoder().encodeToString(altered);

      assertThatThrownBy(() -> cipher.decrypt(tampered)).as("bit flipped at byte %d", position)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aCiphertextRelabelledWithAnotherKeyIdFailsToDecrypt() {
    FieldCipher both = new FieldCipher("k2", keys("k1", K1, "k2", K1), K1);
    String underK1 = both.decrypt(new FieldCipher("k1", Map.of("k1", K1)).encrypt("x"));
    assertThat(underK1).isEqualTo("x");

    // Same key bytes under the other id: the key id is authenticated, so the relabelled value is refused.
    String stored = new FieldCipher("k1", Map.of("k1", K1)).encrypt("13812345678");
    assertThatThrownBy(() -> both.decrypt("k2" + stored.substring(2))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aValueIsNotReadableWithAnotherKey() {
    String stored = cipher.encrypt("13812345678");
    FieldCipher otherKeySameId = new FieldCipher("k1", Map.of("k1", K2));

    assertThatThrownBy(() -> otherKeySameId.decrypt(stored)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void valuesEncryptedBeforeARotationStayReadable() {
    String beforeRotation = cipher.encrypt("您好 13812345678");

    FieldCipher rotated = new FieldCipher("k2", keys("k1", K1, "k2", K2), K1);
    String afterRotation = rotated.encrypt("13987654321");

    assertThat(rotated.decrypt(beforeRotation)).isEqualTo("您好 13812345678");
    assertThat(afterRotation).startsWith("k2:");
    assertThat(rotated.decrypt(afterRotation)).isEqualTo("13987654321");
    // the old cipher never had k2
    assertThatThrownBy(() -> cipher.decrypt(afterRotation)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("k2");
  }

  @Test
  void aRetiredKeyThatWasDroppedCannotDecryptAnyMore() {
    String beforeRotation = cipher.encrypt("13812345678");
    FieldCipher onlyK2 = new FieldCipher("k2", Map.of("k2", K2));

    assertThatThrownBy(() -> onlyK2.decrypt(beforeRotation)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("k1");
  }

  @Test
  void lookupHashIsStableAndDiffersBetweenInputs() {
    String hash = cipher.lookupHash("13812345678");

    assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("13812345678");
    assertThat(cipher.lookupHash("13812345678")).isEqualTo(hash);
    assertThat(new FieldCipher("k1", Map.of("k1", K1)).lookupHash("13812345678")).isEqualTo(hash);
    assertThat(cipher.lookupHash("13812345679")).isNotEqualTo(hash);
    assertThat(cipher.lookupHash("13812345678 ")).isNotEqualTo(hash);
  }

  @Test
  void lookupHashIsKeyedSoAnotherInstallationCannotComputeIt() {
    assertThat(new FieldCipher("k1", Map.of("k1", K2)).lookupHash("13812345678"))
        .isNotEqualTo(cipher.lookupHash("13812345678"));
  }

  @Test
  void lookupHashSurvivesAKeyRotation() {
    // The borrower key that the daily contact cap counts by must not change when the encryption key rotates.
    String beforeRotation = cipher.lookupHash("13812345678");

    FieldCipher rotated = new FieldCipher("k2", keys("k1", K1, "k2", K2), K1);

    assertThat(rotated.lookupHash("13812345678")).isEqualTo(beforeRotation);
  }

  @Test
  void retiredKeysWithoutANamedLookupSecretAreRefused() {
    // Otherwise the lookup would silently follow the new current key and split every borrower in two.
    assertThatThrownBy(() -> new FieldCipher("k2", keys("k1", K1, "k2", K2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyOtherThanThirtyTwoBytesIsRefused() {
    assertThatThrownBy(() -> new FieldCipher("k1", Map.of("k1", new byte[16])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new FieldCipher("k2", keys("k1", new byte[16], "k2", K2), K2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1");
  }

  @Test
  void aShortLookupSecretIsRefused() {
    assertThatThrownBy(() -> new FieldCipher("k1", Map.of("k1", K1), new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCurrentKeyMustBeAmongTheKeys() {
    assertThatThrownBy(() -> new FieldCipher("k3", Map.of("k1", K1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k3");
    assertThatThrownBy(() -> new FieldCipher("k3", keys("k1", K1, "k2", K2), K1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k3");
  }

  @Test
  void somethingThatIsNotACiphertextIsRefused() {
    assertThatThrownBy(() -> cipher.decrypt("13812345678")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.decrypt(":abc")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, byte[]> keys(String id1, byte[] key1, String id2, byte[] key2) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put(id1, key1);
    keys.put(id2, key2);
    return keys;
  }
}
