package io.entityflow.privacy.keys;

import static io.entityflow.privacy.keys.StoreFixtures.CREATED;
import static io.entityflow.privacy.keys.StoreFixtures.fourKeys;
import static io.entityflow.privacy.keys.StoreFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publication-tracking behaviour both stores share; subclasses give a fresh empty store. */
abstract class SubjectKeyStoreContract {
  private static final Instant PUBLISHED = Instant.parse("2026-12-06T12:00:00.654321Z");

  abstract SubjectKeyStore store();

  private static List<String> subjects(List<StoredSubjectKey> keys) {
    return keys.stream().map(StoredSubjectKey::subjectId).toList();
  }

  @Test
  void newKeysAreUnpublishedOldestFirstUpToTheCutoffAndTheLimit() {
    SubjectKeyStore store = store();
    List<StoredSubjectKey> keys = fourKeys(store);

    assertThat(store.unpublished(CREATED.plusSeconds(2), 10))
        .containsExactly(keys.get(2), keys.get(1), keys.get(0));
    assertThat(subjects(store.unpublished(CREATED.plusSeconds(3), 2)))
        .containsExactly("customer-a", "customer-b");
    assertThat(store.unpublished(CREATED, 10)).isEmpty();
  }

  @Test
  void markedKeyIsNoLongerUnpublishedAndIsMarkedOnce() {
    SubjectKeyStore store = store();
    List<StoredSubjectKey> keys = fourKeys(store);

    assertThat(store.markPublished(keys.get(2), PUBLISHED)).isTrue();
    assertThat(store.markPublished(keys.get(2), PUBLISHED.plusSeconds(1))).isFalse();

    assertThat(subjects(store.unpublished(CREATED.plusSeconds(3), 10)))
        .containsExactly("customer-b", "customer-c", "customer-d");
    assertThat(store.find("customer-a")).contains(keys.get(2));
  }

  @Test
  void markOfAnEarlierKeyOfTheSubjectDoesNotMarkItsNewKey() {
    SubjectKeyStore store = store();
    StoredSubjectKey forgotten = key("customer-1", 1, "p-old");
    store.createIfAbsent(forgotten);
    store.delete("customer-1");
    StoredSubjectKey renewed = key("customer-1", 2, "p-new");
    store.createIfAbsent(renewed);

    assertThat(store.markPublished(forgotten, PUBLISHED)).isFalse();
    assertThat(store.markPublished(key("customer-9", 9, "p-9"), PUBLISHED)).isFalse();
    assertThat(store.unpublished(CREATED, 10)).containsExactly(renewed);
  }

  @Test
  void listPagesThroughEveryKeyBySubjectIdPublishedOrNot() {
    SubjectKeyStore store = store();
    List<StoredSubjectKey> keys = fourKeys(store);
    store.markPublished(keys.get(0), PUBLISHED);

    assertThat(store.list(null, 3)).containsExactly(keys.get(2), keys.get(1), keys.get(0));
    assertThat(store.list("customer-c", 3)).containsExactly(keys.get(3));
    assertThat(store.list("customer-d", 3)).isEmpty();
  }

  @Test
  void listingWithoutRoomIsRefused() {
    assertThatThrownBy(() -> store().unpublished(CREATED, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit 0 of a subject key listing is not allowed: at least 1");
  }

  @Test
  void storeOfItsOwnWithoutPublicationTrackingSaysSo() {
    SubjectKeyStore own =
        new SubjectKeyStore() {
          @Override
          public java.util.Optional<StoredSubjectKey> find(String subjectId) {
            return java.util.Optional.empty();
          }

          @Override
          public Creation createIfAbsent(StoredSubjectKey candidate) {
            return new Creation(candidate, true);
          }

          @Override
          public boolean delete(String subjectId) {
            return false;
          }
        };

    assertThatThrownBy(() -> own.unpublished(CREATED, 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            own.getClass().getName()
                + " does not track the publication of subject keys (unpublished); implement it,"
                + " or use JdbcSubjectKeyStore or InMemorySubjectKeyStore");
  }
}
