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
    return new StoredSubjectKey(
        subjectId,
        new byte[] {(byte) keysetByte, 2, 3},
        "local-file:///kek.json",
        pseudonym,
        CREATED);
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
