package io.entityflow.publisher.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.Operation;
import io.entityflow.contract.keys.v1.SubjectKey;
import io.entityflow.privacy.forget.ForgetAuditLog;
import io.entityflow.privacy.forget.ForgottenSubjectsPoller;
import io.entityflow.privacy.forget.InMemoryForgetAuditLog;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyStore;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.privacy.SubjectKeyRepublisher.Republished;
import io.entityflow.publisher.testing.RecordedEvent;
import io.entityflow.publisher.testing.RecordingEntityPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectKeyRepublisherTest {
  private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

  @TempDir Path temp;
  private ApplicationContext context;
  private RecordingEntityPublisher recording;

  @AfterEach
  void close() {
    if (context != null) {
      context.close();
    }
  }

  private void start(String minAge) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.application.name", "crm");
    properties.put("entityflow.publisher.recording", true);
    properties.put("entityflow.privacy.key-store", "memory");
    properties.put("entityflow.privacy.kek-uri", "local-file://" + temp.resolve("kek.json"));
    properties.put("entityflow.privacy.republish.enabled", false);
    properties.put("entityflow.privacy.republish.min-age", minAge);
    context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    recording = context.getBean(RecordingEntityPublisher.class);
  }

  /** Encodes a Customer event of {@code subjectId}: creates the subject's key on first use. */
  private StoredSubjectKey useKeyOf(String subjectId) {
    context
        .getBean(EventEncoder.class)
        .encode(
            PublishRequest.of(
                Customer.newBuilder().setCustomerId(subjectId).setEmail("a@example.com").build(),
                Operation.CREATED));
    settle();
    return context.getBean(SubjectKeyStore.class).find(subjectId).orElseThrow();
  }

  private Instant forget(String subjectId) {
    Instant at = context.getBean(SubjectForgetter.class).forget(subjectId, "dpo:1").forgottenAt();
    settle();
    return at;
  }

  private void settle() {
    context.getBean(SubjectKeyPublication.class).settled().join();
  }

  private SubjectKeyRepublisher republisher() {
    return context.getBean(SubjectKeyRepublisher.class);
  }

  private static String createdEventId(StoredSubjectKey key) {
    String name =
        "entityflow.keys.v1.SubjectKey|CREATED|"
            + key.subjectId().length()
            + ":"
            + key.subjectId()
            + "|"
            + key.createdAt()
            + "|"
            + key.pseudonym();
    return UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString();
  }

  private static String deletedEventId(String subjectId, Instant forgottenAt) {
    String name =
        "entityflow.keys.v1.SubjectKey|DELETED|"
            + subjectId.length()
            + ":"
            + subjectId
            + "|"
            + forgottenAt;
    return UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString();
  }

  private static SubjectKey created(StoredSubjectKey key) {
    return SubjectKey.newBuilder()
        .setSubjectId(key.subjectId())
        .setWrappedKeyset(ByteString.copyFrom(key.wrappedKeyset()))
        .setKekUri(key.kekUri())
        .setPseudonym(key.pseudonym())
        .setCreatedAt(
            Timestamp.newBuilder()
                .setSeconds(key.createdAt().getEpochSecond())
                .setNanos(key.createdAt().getNano()))
        .build();
  }

  private static void assertEvent(
      RecordedEvent event, SubjectKey entity, Operation operation, String eventId, Instant at) {
    assertThat(event.entity()).isEqualTo(entity);
    assertThat(event.operation()).isEqualTo(operation);
    assertThat(event.topic()).isEqualTo("subject_key_v1");
    assertThat(event.message().getAttributesMap())
        .containsEntry("event_id", eventId)
        .containsEntry("occurred_at", at.toString())
        .doesNotContainKey("pii_encryption");
  }

  @Test
  void acknowledgedFirstPublishCarriesTheDeterministicIdAndLeavesNothingToRepublish() {
    start("0s");

    StoredSubjectKey key = useKeyOf("c-1");
    Instant forgottenAt = forget("c-1");

    List<RecordedEvent> events = recording.events();
    assertThat(events).hasSize(2);
    assertEvent(
        events.get(0), created(key), Operation.CREATED, createdEventId(key), key.createdAt());
    assertEvent(
        events.get(1),
        SubjectKey.newBuilder().setSubjectId("c-1").build(),
        Operation.DELETED,
        deletedEventId("c-1", forgottenAt),
        forgottenAt);
    assertThat(context.getBean(ForgetAuditLog.class).unpublished(FAR_FUTURE, 10)).isEmpty();
    assertThat(republisher().republishUnpublished()).isEqualTo(new Republished(0, 0, 0));
    assertThat(recording.events()).hasSize(2);
  }

  @Test
  void failedFirstPublishesAreRepublishedOnceWithTheirFirstEventIdsAndMarked() {
    start("0s");
    recording.failWith(new IllegalStateException("Pub/Sub is down"));
    StoredSubjectKey kept = useKeyOf("c-1");
    useKeyOf("c-2");
    Instant forgottenAt = forget("c-2");
    SubjectKeyStore store = context.getBean(SubjectKeyStore.class);
    assertThat(recording.events()).isEmpty();
    assertThat(store.unpublished(FAR_FUTURE, 10)).containsExactly(kept);

    recording.failWith(null);
    Republished first = republisher().republishUnpublished();
    Republished second = republisher().republishUnpublished();

    assertThat(first).isEqualTo(new Republished(1, 1, 0));
    assertThat(second).isEqualTo(new Republished(0, 0, 0));
    List<RecordedEvent> events = recording.events();
    assertThat(events).hasSize(2); // the forgotten c-2's key is gone: only its DELETED
    assertEvent(
        events.get(0), created(kept), Operation.CREATED, createdEventId(kept), kept.createdAt());
    assertEvent(
        events.get(1),
        SubjectKey.newBuilder().setSubjectId("c-2").build(),
        Operation.DELETED,
        deletedEventId("c-2", forgottenAt),
        forgottenAt);
    assertThat(store.unpublished(FAR_FUTURE, 10)).isEmpty();
    assertThat(context.getBean(ForgetAuditLog.class).unpublished(FAR_FUTURE, 10)).isEmpty();
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    assertThat(
            meters
                .get("entityflow.privacy.subject_key.republished")
                .tag("operation", "CREATED")
                .functionCounter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            meters
                .get("entityflow.privacy.subject_key.republished")
                .tag("operation", "DELETED")
                .functionCounter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void republishThatFailsAgainKeepsTheEntryUnpublishedAndShowsItInTheMetrics() {
    start("0s");
    recording.failWith(new IllegalStateException("Pub/Sub is down"));
    StoredSubjectKey key = useKeyOf("c-1");

    Republished run = republisher().republishUnpublished();

    assertThat(run).isEqualTo(new Republished(0, 0, 1));
    assertThat(republisher().unpublishedAfterLatestRun()).isEqualTo(1);
    assertThat(context.getBean(SubjectKeyStore.class).unpublished(FAR_FUTURE, 10))
        .containsExactly(key);
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    assertThat(meters.get("entityflow.privacy.subject_key.unpublished").gauge().value())
        .isEqualTo(1.0);
    assertThat(
            meters.get("entityflow.privacy.subject_key.republish_failed").functionCounter().count())
        .isEqualTo(1.0);

    recording.failWith(null);
    assertThat(republisher().republishUnpublished()).isEqualTo(new Republished(1, 0, 0));
    assertThat(meters.get("entityflow.privacy.subject_key.unpublished").gauge().value()).isZero();
  }

  @Test
  void entriesYoungerThanMinAgeAreLeftToTheirFirstPublish() {
    start("2m");
    recording.failWith(new IllegalStateException("Pub/Sub is down"));
    StoredSubjectKey key = useKeyOf("c-1");
    forget("c-9");
    recording.failWith(null);

    assertThat(republisher().republishUnpublished()).isEqualTo(new Republished(0, 0, 0));

    assertThat(recording.events()).isEmpty();
    assertThat(context.getBean(SubjectKeyStore.class).unpublished(FAR_FUTURE, 10))
        .containsExactly(key);
  }

  @Test
  void republishAllPublishesEveryKeyAndEveryForgetAgainWithTheirEventIds() {
    start("0s");
    StoredSubjectKey one = useKeyOf("c-1");
    StoredSubjectKey two = useKeyOf("c-2");
    useKeyOf("c-3");
    Instant forgottenAt = forget("c-3");
    recording.clear();

    Republished resync = republisher().republishAll();

    assertThat(resync).isEqualTo(new Republished(2, 1, 0));
    List<RecordedEvent> events = recording.events();
    assertThat(events).hasSize(3);
    assertEvent(
        events.get(0), created(one), Operation.CREATED, createdEventId(one), one.createdAt());
    assertEvent(
        events.get(1), created(two), Operation.CREATED, createdEventId(two), two.createdAt());
    assertEvent(
        events.get(2),
        SubjectKey.newBuilder().setSubjectId("c-3").build(),
        Operation.DELETED,
        deletedEventId("c-3", forgottenAt),
        forgottenAt);
  }

  @Test
  void memoryKeyStoreHasNoPollerOfForgetsAndTheRepublishTaskCanBeSwitchedOff() {
    start("0s");

    assertThat(context.findBean(ForgottenSubjectsPoller.class)).isEmpty();
    assertThat(
            context.findBean(PrivacyTask.class, Qualifiers.byName(PrivacyFactory.FORGET_POLLING)))
        .isEmpty();
    assertThat(context.findBean(PrivacyTask.class, Qualifiers.byName(PrivacyFactory.REPUBLISHING)))
        .isEmpty();
    assertThat(context.getBean(ForgetAuditLog.class)).isInstanceOf(InMemoryForgetAuditLog.class);
  }
}
