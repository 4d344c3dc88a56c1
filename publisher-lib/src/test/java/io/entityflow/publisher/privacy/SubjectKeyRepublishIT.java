package io.entityflow.publisher.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.keys.v1.SubjectKey;
import io.entityflow.privacy.forget.ForgottenSubjectsPoller;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.privacy.SubjectKeyRepublisher.Republished;
import io.entityflow.testing.PostgresServer;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SubjectKey event whose first publish fails (its topic does not exist yet) stays unpublished in
 * PostgreSQL and is published exactly once by the republisher once the topic exists.
 */
class SubjectKeyRepublishIT {
  private static final String TOPIC = "subject_key_v1";
  private static final Duration QUIET = Duration.ofSeconds(3);

  @TempDir Path temp;
  private final PubSubEmulator emulator = PubSubEmulator.shared();
  private final EmulatorProject project = new EmulatorProject(emulator);
  private final DataSource dataSource =
      PostgresServer.shared().createDatabase("keys_republish").dataSource();
  private ApplicationContext context;

  @AfterEach
  void cleanUp() {
    if (context != null) {
      context.close();
    }
    project.delete(TOPIC);
  }

  private void start() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.application.name", "crm");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    properties.put("entityflow.privacy.kek-uri", "local-file://" + temp.resolve("kek.json"));
    properties.put("entityflow.privacy.key-store", "jdbc");
    properties.put("entityflow.privacy.republish.enabled", false); // the test runs it
    properties.put("entityflow.privacy.republish.min-age", "0s");
    context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).build();
    context.registerSingleton(DataSource.class, dataSource, Qualifiers.byName("default"));
    context.start();
  }

  private void settle() throws Exception {
    context.getBean(SubjectKeyPublication.class).settled().get(2, TimeUnit.MINUTES);
  }

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        rows.add(row.getString(1) + "|" + (row.getObject(2) == null ? "unpublished" : "published"));
      }
    }
    return rows;
  }

  /** The key row exactly as stored, as the SubjectKey CREATED payload must carry it. */
  private SubjectKey storedKey(String subjectId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT wrapped_keyset, kek_uri, pseudonym, created_at"
                    + " FROM entityflow_subject_keys WHERE subject_id = '"
                    + subjectId
                    + "'")) {
      row.next();
      Instant createdAt = row.getObject(4, OffsetDateTime.class).toInstant();
      return SubjectKey.newBuilder()
          .setSubjectId(subjectId)
          .setWrappedKeyset(ByteString.copyFrom(row.getBytes(1)))
          .setKekUri(row.getString(2))
          .setPseudonym(row.getString(3))
          .setCreatedAt(
              Timestamp.newBuilder()
                  .setSeconds(createdAt.getEpochSecond())
                  .setNanos(createdAt.getNano()))
          .build();
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  private static String eventId(String name) {
    return UUID.nameUUIDFromBytes(("entityflow.keys.v1.SubjectKey|" + name).getBytes(UTF_8))
        .toString();
  }

  private static Map<String, String> attributes(
      String eventId, Operation operation, Instant occurredAt) {
    return Map.of(
        "event_id",
        eventId,
        "operation",
        operation.name(),
        "occurred_at",
        occurredAt.toString(),
        "producer",
        "crm",
        "schema",
        "entityflow.keys.v1.SubjectKey",
        "schema_version",
        "1.0");
  }

  @Test
  void createdAndDeletedWhoseFirstPublishFailedArePublishedOnceByTheRepublisher() throws Exception {
    start();
    assertThat(context.getBean(ForgottenSubjectsPoller.class)).isNotNull();
    assertThat(
            context
                .getBean(PrivacyTask.class, Qualifiers.byName(PrivacyFactory.FORGET_POLLING))
                .interval())
        .isEqualTo(Duration.ofSeconds(5));
    SubjectKeyRepublisher republisher = context.getBean(SubjectKeyRepublisher.class);

    // the first publish of CREATED fails: the topic does not exist yet
    context
        .getBean(EventEncoder.class)
        .encode(
            PublishRequest.of(
                Customer.newBuilder().setCustomerId("c-42").setEmail("a@example.com").build(),
                Operation.CREATED));
    settle();
    assertThat(rows("SELECT subject_id, published_at FROM entityflow_subject_keys"))
        .containsExactly("c-42|unpublished");

    String subscription = project.createTopicWithSubscription(TOPIC);
    assertThat(republisher.republishUnpublished()).isEqualTo(new Republished(1, 0, 0));
    assertThat(republisher.republishUnpublished()).isEqualTo(new Republished(0, 0, 0));

    List<ReceivedMessage> created = project.pull(subscription, 10, QUIET);
    assertThat(created).hasSize(1);
    PubsubMessage message = created.get(0).getMessage();
    SubjectKey key = storedKey("c-42");
    Instant createdAt = instant(key.getCreatedAt());
    assertThat(message.getData()).isEqualTo(key.toByteString());
    assertThat(message.getAttributesMap())
        .isEqualTo(
            attributes(
                eventId("CREATED|4:c-42|" + createdAt + "|" + key.getPseudonym()),
                Operation.CREATED,
                createdAt));
    assertThat(message.getOrderingKey()).isEqualTo(OrderingKey.bucketed("c-42", 64));
    assertThat(rows("SELECT subject_id, published_at FROM entityflow_subject_keys"))
        .containsExactly("c-42|published");

    // the first publish of DELETED fails: the topic is gone again
    project.delete(TOPIC);
    Instant forgottenAt =
        context.getBean(SubjectForgetter.class).forget("c-42", "dpo:ticket-1").forgottenAt();
    settle();
    assertThat(rows("SELECT subject_id, published_at FROM entityflow_forget_audit"))
        .containsExactly("c-42|unpublished");

    subscription = project.createTopicWithSubscription(TOPIC);
    assertThat(republisher.republishUnpublished()).isEqualTo(new Republished(0, 1, 0));
    assertThat(republisher.republishUnpublished()).isEqualTo(new Republished(0, 0, 0));

    List<ReceivedMessage> deleted = project.pull(subscription, 10, QUIET);
    assertThat(deleted).hasSize(1);
    message = deleted.get(0).getMessage();
    assertThat(message.getData())
        .isEqualTo(SubjectKey.newBuilder().setSubjectId("c-42").build().toByteString());
    assertThat(message.getAttributesMap())
        .isEqualTo(
            attributes(eventId("DELETED|4:c-42|" + forgottenAt), Operation.DELETED, forgottenAt));
    assertThat(rows("SELECT subject_id, published_at FROM entityflow_forget_audit"))
        .containsExactly("c-42|published");
    assertThat(rows("SELECT subject_id, published_at FROM entityflow_subject_keys")).isEmpty();
  }
}
