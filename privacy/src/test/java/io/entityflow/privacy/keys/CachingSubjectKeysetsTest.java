package io.entityflow.privacy.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.base.Ticker;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingSubjectKeysetsTest {
  private static final Instant NOW = Instant.parse("2026-12-06T11:00:00.123456789Z");
  private static final byte[] PLAINTEXT = "ada@example.com".getBytes(UTF_8);

  @TempDir Path directory;
  private KeyEncryptionKey kek;
  private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
  private final List<StoredSubjectKey> created = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void openKek() throws Exception {
    kek = LocalKeyFileKek.open(directory.resolve("kek.json"));
  }

  private CachingSubjectKeysets.Builder keysets() {
    return CachingSubjectKeysets.builder(store, kek)
        .listener(created::add)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static byte[] ad(String subjectId) {
    return subjectId.getBytes(UTF_8);
  }

  @Test
  void firstUseCreatesStoresAndAnnouncesOneKeyset() throws Exception {
    CachingSubjectKeysets keysets = keysets().build();

    keysets.aeadFor("customer-1");
    keysets.aeadFor("customer-1");

    StoredSubjectKey stored = store.find("customer-1").orElseThrow();
    assertThat(created).containsExactly(stored);
    assertThat(store.size()).isEqualTo(1);
    assertThat(stored.kekUri()).isEqualTo(kek.uri());
    assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-12-06T11:00:00.123456Z"));
    assertThat(stored.pseudonym()).matches("[A-Za-z0-9_-]{22}");
    KeysetHandle keyset = kek.unwrap(stored.wrappedKeyset());
    assertThat(keyset.size()).isEqualTo(1);
    assertThat(keyset.getPrimary().getKey().getParameters())
        .isEqualTo(PredefinedAeadParameters.AES256_GCM);
  }

  @Test
  void ciphertextDecryptsWithTheStoredKeysetAsTheWarehouseUnwrapsIt() throws Exception {
    CachingSubjectKeysets keysets = keysets().build();

    byte[] ciphertext = keysets.aeadFor("customer-1").encrypt(PLAINTEXT, ad("customer-1"));

    Aead fromStore =
        kek.unwrap(store.find("customer-1").orElseThrow().wrappedKeyset())
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    assertThat(fromStore.decrypt(ciphertext, ad("customer-1"))).isEqualTo(PLAINTEXT);
    assertThat(
            keysets
                .existingAeadFor("customer-1")
                .orElseThrow()
                .decrypt(ciphertext, ad("customer-1")))
        .isEqualTo(PLAINTEXT);
  }

  @Test
  void existingAeadForNeverCreatesAKeyset() throws Exception {
    CachingSubjectKeysets keysets = keysets().build();

    assertThat(keysets.existingAeadFor("customer-1")).isEmpty();
    assertThat(store.size()).isZero();
    assertThat(created).isEmpty();
  }

  @Test
  void anotherInstanceOnTheSameStoreUsesTheStoredKeysetWithoutAnnouncingIt() throws Exception {
    byte[] ciphertext =
        keysets().build().aeadFor("customer-1").encrypt(PLAINTEXT, ad("customer-1"));
    List<StoredSubjectKey> announcedBySecond = new ArrayList<>();
    CachingSubjectKeysets second =
        CachingSubjectKeysets.builder(store, kek).listener(announcedBySecond::add).build();

    assertThat(second.aeadFor("customer-1").decrypt(ciphertext, ad("customer-1")))
        .isEqualTo(PLAINTEXT);
    assertThat(announcedBySecond).isEmpty();
    assertThat(created).hasSize(1);
  }

  @Test
  void repeatedUseIsServedFromTheCache() throws Exception {
    CachingSubjectKeysets keysets = keysets().build();

    keysets.aeadFor("customer-1");
    keysets.aeadFor("customer-1");
    keysets.existingAeadFor("customer-1");

    assertThat(keysets.stats().missCount()).isEqualTo(1);
    assertThat(keysets.stats().hitCount()).isEqualTo(2);
    assertThat(keysets.hitRate()).isEqualTo(2.0 / 3.0);
  }

  @Test
  void cacheIsBoundedAndAnEvictedSubjectKeepsItsKeyset() throws Exception {
    CachingSubjectKeysets keysets = keysets().maximumSize(1).build();
    byte[] ciphertext = keysets.aeadFor("customer-1").encrypt(PLAINTEXT, ad("customer-1"));

    keysets.aeadFor("customer-2");

    assertThat(keysets.cachedSubjects()).isEqualTo(1);
    assertThat(keysets.stats().evictionCount()).isEqualTo(1);
    assertThat(keysets.aeadFor("customer-1").decrypt(ciphertext, ad("customer-1")))
        .isEqualTo(PLAINTEXT);
    assertThat(created).hasSize(2);
  }

  @Test
  void cachedPrimitiveExpiresAndIsReadAgainFromTheStore() throws Exception {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker =
        new Ticker() {
          @Override
          public long read() {
            return nanos.get();
          }
        };
    CachingSubjectKeysets keysets =
        keysets().expireAfterWrite(Duration.ofMinutes(1)).ticker(ticker).build();
    keysets.aeadFor("customer-1");

    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    keysets.aeadFor("customer-1");

    assertThat(keysets.stats().missCount()).isEqualTo(2);
    assertThat(created).hasSize(1);
  }

  @Test
  void racingInstancesOnOneStoreEndWithOneKeysetAnnouncedOnce() throws Exception {
    CachingSubjectKeysets first = keysets().build();
    CachingSubjectKeysets second = keysets().build();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Aead>> aeads = new ArrayList<>();
      for (CachingSubjectKeysets keysets : List.of(first, second)) {
        aeads.add(
            threads.submit(
                () -> {
                  start.await();
                  return keysets.aeadFor("customer-1");
                }));
      }
      byte[] ciphertext = aeads.get(0).get().encrypt(PLAINTEXT, ad("customer-1"));
      assertThat(aeads.get(1).get().decrypt(ciphertext, ad("customer-1"))).isEqualTo(PLAINTEXT);
    } finally {
      threads.shutdownNow();
    }
    assertThat(created).containsExactly(store.find("customer-1").orElseThrow());
  }

  @Test
  void subjectsHaveDifferentKeysetsAndPseudonyms() throws Exception {
    CachingSubjectKeysets keysets = keysets().build();
    byte[] ciphertext = keysets.aeadFor("customer-1").encrypt(PLAINTEXT, ad("customer-1"));

    Aead other = keysets.aeadFor("customer-2");

    assertThatThrownBy(() -> other.decrypt(ciphertext, ad("customer-1")))
        .isInstanceOf(java.security.GeneralSecurityException.class);
    assertThat(store.find("customer-1").orElseThrow().pseudonym())
        .isNotEqualTo(store.find("customer-2").orElseThrow().pseudonym());
  }

  @Test
  void defaultsAreTenThousandSubjectsAndTenMinutes() throws Exception {
    CachingSubjectKeysets keysets = CachingSubjectKeysets.builder(store, kek).build();

    assertThat(keysets.maximumSize()).isEqualTo(10_000);
    assertThat(keysets.expireAfterWrite()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void nonPositiveCacheSizeIsRefused() {
    assertThatThrownBy(() -> keysets().maximumSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum size 0 of the subject key cache is not allowed: at least 1");
  }

  @Test
  void keysetWrappedByAnotherKekFailsToUnwrap() throws Exception {
    keysets().build().aeadFor("customer-1");
    KeyEncryptionKey otherKek = LocalKeyFileKek.open(directory.resolve("other.json"));

    assertThatThrownBy(
            () -> CachingSubjectKeysets.builder(store, otherKek).build().aeadFor("customer-1"))
        .isInstanceOf(java.security.GeneralSecurityException.class);
  }
}
