package io.entityflow.privacy.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Keys and a two-thread race shared by the store tests. */
final class StoreFixtures {
  static final Instant CREATED = Instant.parse("2026-12-06T11:00:00.123456Z");

  private StoreFixtures() {}

  static StoredSubjectKey key(String subjectId, int keysetByte, String pseudonym) {
    return key(subjectId, keysetByte, pseudonym, CREATED);
  }

  static StoredSubjectKey key(
      String subjectId, int keysetByte, String pseudonym, Instant createdAt) {
    return new StoredSubjectKey(
        subjectId,
        new byte[] {(byte) keysetByte, 2, 3},
        "local-file:///kek.json",
        pseudonym,
        createdAt);
  }

  /**
   * The publication behaviour every store shares: {@code store} is empty. Keys created at
   * CREATED+2s, +1s, +1s (two subjects) and +3s.
   */
  static List<StoredSubjectKey> fourKeys(SubjectKeyStore store) {
    List<StoredSubjectKey> keys =
        List.of(
            key("customer-c", 3, "p-c", CREATED.plusSeconds(2)),
            key("customer-b", 2, "p-b", CREATED.plusSeconds(1)),
            key("customer-a", 1, "p-a", CREATED.plusSeconds(1)),
            key("customer-d", 4, "p-d", CREATED.plusSeconds(3)));
    keys.forEach(store::createIfAbsent);
    return keys;
  }

  /** Two threads call createIfAbsent at the same moment, each with its own candidate. */
  static List<SubjectKeyStore.Creation> race(
      SubjectKeyStore store, StoredSubjectKey first, StoredSubjectKey second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<SubjectKeyStore.Creation>> results = new ArrayList<>();
      for (StoredSubjectKey candidate : List.of(first, second)) {
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return store.createIfAbsent(candidate);
                }));
      }
      List<SubjectKeyStore.Creation> creations = new ArrayList<>();
      for (Future<SubjectKeyStore.Creation> result : results) {
        creations.add(result.get());
      }
      return creations;
    } finally {
      threads.shutdownNow();
    }
  }
}
