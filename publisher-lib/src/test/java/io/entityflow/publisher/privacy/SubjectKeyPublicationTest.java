package io.entityflow.publisher.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.Operation;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyStore;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.testing.RecordedEvent;
import io.entityflow.publisher.testing.RecordingEntityPublisher;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectKeyPublicationTest {
  @TempDir Path temp;

  private static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  @Test
  void createdKeyIsPublishedInClearAndAForgetPublishesDeletedWithOnlyTheSubjectId() {
    try (ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .properties(
                Map.of(
                    "micronaut.application.name",
                    "crm",
                    "entityflow.publisher.recording",
                    true,
                    "entityflow.privacy.key-store",
                    "memory",
                    "entityflow.privacy.kek-uri",
                    "local-file://" + temp.resolve("kek.json")))
            .start()) {
      context
          .getBean(EventEncoder.class)
          .encode(
              PublishRequest.of(
                  Customer.newBuilder().setCustomerId("c-42").setEmail("a@example.com").build(),
                  Operation.CREATED));
      StoredSubjectKey key = context.getBean(SubjectKeyStore.class).find("c-42").orElseThrow();
      context.getBean(SubjectForgetter.class).forget("c-42", "dpo:ticket-1");

      List<RecordedEvent> events = context.getBean(RecordingEntityPublisher.class).events();
      assertThat(events).hasSize(2);
      RecordedEvent created = events.get(0);
      assertThat(created.operation()).isEqualTo(Operation.CREATED);
      assertThat(created.topic()).isEqualTo("subject_key_v1");
      assertThat(created.message().getAttributesMap()).doesNotContainKey("pii_encryption");
      Message createdKey = created.entity();
      assertThat(field(createdKey, "subject_id")).isEqualTo("c-42");
      assertThat(field(createdKey, "wrapped_keyset"))
          .isEqualTo(ByteString.copyFrom(key.wrappedKeyset()));
      assertThat(field(createdKey, "kek_uri"))
          .isEqualTo("local-file://" + temp.resolve("kek.json"));
      assertThat(field(createdKey, "pseudonym")).isEqualTo(key.pseudonym());
      assertThat(field(createdKey, "created_at"))
          .isEqualTo(
              Timestamp.newBuilder()
                  .setSeconds(key.createdAt().getEpochSecond())
                  .setNanos(key.createdAt().getNano())
                  .build());
      RecordedEvent deleted = events.get(1);
      assertThat(deleted.operation()).isEqualTo(Operation.DELETED);
      assertThat(deleted.entity().getAllFields()).hasSize(1);
      assertThat(field(deleted.entity(), "subject_id")).isEqualTo("c-42");
    }
  }
}
