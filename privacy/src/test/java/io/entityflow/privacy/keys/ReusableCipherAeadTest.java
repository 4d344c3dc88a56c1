package io.entityflow.privacy.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.aead.internal.InsecureNonceAesGcmJce;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReusableCipherAeadTest {
  private static final byte[] SUBJECT = "customer-42".getBytes(UTF_8);

  @BeforeAll
  static void registerTink() throws GeneralSecurityException {
    AeadConfig.register();
  }

  @Test
  void ciphertextIsTinksAesGcmByteForByteForTheSameIv() throws Exception {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    byte[] iv = new byte[12];
    for (int i = 0; i < iv.length; i++) {
      iv[i] = (byte) (0xa0 + i);
    }
    Aead aead =
        ReusableCipherAead.of(
                keyset,
                tink(keyset),
                (out, offset) -> System.arraycopy(iv, 0, out, offset, iv.length))
            .orElseThrow();
    byte[] plaintext = "ada@example.com".getBytes(UTF_8);

    AesGcmKey key = (AesGcmKey) keyset.getPrimary().getKey();
    byte[] prefix = key.getOutputPrefix().toByteArray();
    byte[] body =
        new InsecureNonceAesGcmJce(key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()))
            .encrypt(iv, plaintext, SUBJECT); // ciphertext || tag
    byte[] expected = new byte[prefix.length + iv.length + body.length];
    System.arraycopy(prefix, 0, expected, 0, prefix.length);
    System.arraycopy(iv, 0, expected, prefix.length, iv.length);
    System.arraycopy(body, 0, expected, prefix.length + iv.length, body.length);

    assertThat(aead.encrypt(plaintext, SUBJECT)).isEqualTo(expected);
    assertThat(expected).hasSize(5 + 12 + plaintext.length + 16);
    assertThat(tink(keyset).decrypt(expected, SUBJECT)).isEqualTo(plaintext);
  }

  @Test
  void tinkDecryptsEveryEncryptionAndEachHasItsOwnIv() throws Exception {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    Aead aead = ReusableCipherAead.of(keyset, tink(keyset)).orElseThrow();
    Set<String> ivs = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      byte[] plaintext = ("value-" + i).getBytes(UTF_8);
      byte[] ciphertext = aead.encrypt(plaintext, SUBJECT);
      assertThat(tink(keyset).decrypt(ciphertext, SUBJECT)).isEqualTo(plaintext);
      ivs.add(Arrays.toString(Arrays.copyOfRange(ciphertext, 5, 17)));
    }
    assertThat(ivs).hasSize(100);
    assertThat(aead.encrypt(new byte[0], SUBJECT)).hasSize(5 + 12 + 16);
  }

  @Test
  void anotherSubjectsAssociatedDataIsRefusedOnDecryption() throws Exception {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    Aead aead = ReusableCipherAead.of(keyset, tink(keyset)).orElseThrow();
    byte[] ciphertext = aead.encrypt("ada@example.com".getBytes(UTF_8), SUBJECT);

    assertThat(aead.decrypt(ciphertext, SUBJECT)).isEqualTo("ada@example.com".getBytes(UTF_8));
    assertThatThrownBy(() -> aead.decrypt(ciphertext, "customer-43".getBytes(UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void concurrentEncryptionsOfOneSubjectAllDecrypt() throws Exception {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    Aead aead = ReusableCipherAead.of(keyset, tink(keyset)).orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    byte[] plaintext = ("t" + thread + "-" + i).getBytes(UTF_8);
                    byte[] back = tink(keyset).decrypt(aead.encrypt(plaintext, SUBJECT), SUBJECT);
                    if (!Arrays.equals(back, plaintext)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keysetOfAnotherKeyTypeKeepsTinksPrimitive() throws Exception {
    KeysetHandle eax = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_EAX);
    KeysetHandle xaes =
        KeysetHandle.generateNew(PredefinedAeadParameters.XAES_256_GCM_192_BIT_NONCE);

    assertThat(ReusableCipherAead.of(eax, tink(eax))).isEmpty();
    assertThat(ReusableCipherAead.of(xaes, tink(xaes))).isEmpty();
  }

  private static Aead tink(KeysetHandle keyset) throws GeneralSecurityException {
    return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }
}
