package io.entityflow.privacy.keys;

import static io.entityflow.privacy.keys.StoreFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemorySubjectKeyStoreTest {
  private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();

  @Test
  void unknownSubjectHasNoKey() {
    assertThat(store.find("customer-1")).isEmpty();
  }

  @Test
  void firstCreationStoresTheCandidate() {
    StoredSubjectKey candidate = key("customer-1", 1, "pseudonym-1");

    assertThat(store.createIfAbsent(candidate))
        .isEqualTo(new SubjectKeyStore.Creation(candidate, true));
    assertThat(store.find("customer-1")).contains(candidate);
  }

  @Test
  void laterCreationReturnsTheKeyAlreadyStored() {
    StoredSubjectKey first = key("customer-1", 1, "pseudonym-1");
    store.createIfAbsent(first);

    assertThat(store.createIfAbsent(key("customer-1", 9, "pseudonym-9")))
        .isEqualTo(new SubjectKeyStore.Creation(first, false));
  }

  @Test
  void racingCreatorsEndWithOneKeyAndBothGetIt() throws Exception {
    List<SubjectKeyStore.Creation> creations =
        StoreFixtures.race(store, key("customer-1", 1, "p-1"), key("customer-1", 2, "p-2"));

    assertThat(creations.get(0).key()).isEqualTo(creations.get(1).key());
    assertThat(creations).filteredOn(SubjectKeyStore.Creation::created).hasSize(1);
    assertThat(store.find("customer-1")).contains(creations.get(0).key());
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void deleteRemovesTheKeyAndTellsWhetherThereWasOne() {
    store.createIfAbsent(key("customer-1", 1, "p-1"));
    store.createIfAbsent(key("customer-2", 2, "p-2"));

    assertThat(store.delete("customer-1")).isTrue();
    assertThat(store.delete("customer-1")).isFalse();
    assertThat(store.find("customer-1")).isEmpty();
    assertThat(store.find("customer-2")).isPresent();
  }

  @Test
  void emptySubjectIdIsRefused() {
    assertThatThrownBy(() -> store.find(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject id '' is not allowed: a subject id is a non-empty string");
  }

  @Test
  void storedKeyCopiesItsKeysetAndPrintsOnlyItsLength() {
    byte[] keyset = {1, 2, 3};
    StoredSubjectKey key =
        new StoredSubjectKey("c-1", keyset, "local-file:///k", "p", StoreFixtures.CREATED);
    keyset[0] = 9;
    key.wrappedKeyset()[1] = 9;

    assertThat(key.wrappedKeyset()).containsExactly(1, 2, 3);
    assertThat(key.toString())
        .isEqualTo(
            "StoredSubjectKey[subjectId=c-1, wrappedKeyset=3 bytes, kekUri=local-file:///k,"
                + " pseudonym=p, createdAt=2026-12-06T11:00:00.123456Z]");
  }
}
