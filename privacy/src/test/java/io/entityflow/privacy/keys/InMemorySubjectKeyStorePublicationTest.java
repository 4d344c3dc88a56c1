package io.entityflow.privacy.keys;

class InMemorySubjectKeyStorePublicationTest extends SubjectKeyStoreContract {
  @Override
  SubjectKeyStore store() {
    return new InMemorySubjectKeyStore();
  }
}
