package io.entityflow.privacy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.QueryParameter;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.keys.v1.SubjectKey;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.JdbcSubjectKeyStore;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.privacy.keys.PrivacySchema;
import io.entityflow.publisher.privacy.SubjectKeyEvents;
import io.entityflow.testing.PostgresServer;
import io.entityflow.testing.PubSubEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entityflow forget} end to end: a real PostgreSQL key store (keys made with a local key
 * file KEK), the real Pub/Sub emulator, and a loopback endpoint standing in for BigQuery's REST
 * API.
 */
class ForgetCliIT {
  private static final Instant NOW = Instant.parse("2026-12-06T11:00:00.123456789Z");
  private static final String SUBJECT = "customer-42";

  @TempDir Path directory;
  private PostgresServer.Database database;
  private String keyStoreUrl;
  private String project;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void keyStoreWithTwoSubjects() throws Exception {
    database = PostgresServer.shared().createDatabase("forget_cli");
    keyStoreUrl =
        "jdbc:postgresql://localhost:" + PostgresServer.shared().port() + "/" + database.name();
    PrivacySchema.migrate(database.dataSource()); // as the service that encrypts does
    CachingSubjectKeysets keysets =
        CachingSubjectKeysets.builder(
                new JdbcSubjectKeyStore(database.dataSource()),
                LocalKeyFileKek.open(directory.resolve("kek.json")))
            .build();
    keysets.aeadFor(SUBJECT);
    keysets.aeadFor("customer-7");
    // a project of its own per test: the topic name is the contract's, subject_key_v1
    project = "forget-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private int forget(List<String> extra) {
    List<String> args = new ArrayList<>(List.of("--subject", SUBJECT, "--actor", "dpo:ticket-1"));
    args.addAll(List.of("--key-store", keyStoreUrl, "--project", project));
    args.addAll(extra);
    Map<String, String> environment =
        Map.of(
            KeyStoreAccess.USER_ENV, "postgres",
            KeyStoreAccess.PASSWORD_ENV, "not-checked-by-the-test-server",
            ForgetCli.EMULATOR_ENV, PubSubEmulator.shared().hostPort());
    return new ForgetCli(
            environment,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC))
        .run(args);
  }

  private String subscribeToSubjectKeyTopic() {
    PubSubEmulator emulator = PubSubEmulator.shared();
    String topic = TopicName.of(project, "subject_key_v1").toString();
    try (var admin = emulator.topicAdmin()) {
      admin.createTopic(topic);
    }
    try (var admin = emulator.subscriptionAdmin()) {
      admin.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.of(project, "subject_key_v1_test").toString())
              .setTopic(topic)
              .setAckDeadlineSeconds(60)
              .build());
    }
    return "subject_key_v1_test";
  }

  private List<String> query(String sql) throws Exception {
    DataSource dataSource = database.dataSource();
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      int columns = row.getMetaData().getColumnCount();
      while (row.next()) {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          Object value = row.getObject(column);
          values.add(
              value instanceof java.sql.Timestamp
                  ? row.getObject(column, OffsetDateTime.class).toInstant().toString()
                  : String.valueOf(value));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  @Test
  void forgetDeletesTheKeyAuditsPublishesOneDeletedEventAndDeletesTheBigQueryKeyRows()
      throws Exception {
    String subscription = subscribeToSubjectKeyTopic();
    try (FakeBigQueryEndpoint bigQuery = FakeBigQueryEndpoint.answeringAffectedRows(2)) {
      int code =
          forget(
              List.of(
                  "--bigquery-project",
                  "acme-data",
                  "--dataset-prefix",
                  "prod_",
                  "--bigquery-endpoint",
                  bigQuery.root()));

      assertThat(bigQuery.failures()).isEmpty();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(code).isZero();
      // the key store: the key is gone, the other subject's stays; one audit row
      assertThat(query("SELECT subject_id FROM entityflow_subject_keys"))
          .containsExactly("customer-7");
      assertThat(
              query(
                  "SELECT subject_id, actor, forgotten_at, key_existed, published_at IS NOT NULL"
                      + " FROM entityflow_forget_audit"))
          .containsExactly("customer-42|dpo:ticket-1|2026-12-06T11:00:00.123456Z|true|true");
      // Pub/Sub: exactly one DELETED event, payload only the subject id
      List<ReceivedMessage> received =
          PubSubEmulator.shared().pull(project, subscription, 10, Duration.ofSeconds(2));
      assertThat(received).hasSize(1);
      PubsubMessage message = received.get(0).getMessage();
      String eventId = message.getAttributesOrThrow("event_id");
      assertThat(eventId)
          .isEqualTo(
              SubjectKeyEvents.deletedEventId(
                  SUBJECT, Instant.parse("2026-12-06T11:00:00.123456Z")));
      assertThat(message.getAttributesMap())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "event_id", eventId,
                  "operation", "DELETED",
                  "occurred_at", "2026-12-06T11:00:00.123456Z",
                  "producer", "entityflow-forget",
                  "schema", "entityflow.keys.v1.SubjectKey",
                  "schema_version", SystemEntities.subjectKey().schemaVersion()));
      assertThat(SubjectKey.parseFrom(message.getData()))
          .isEqualTo(SubjectKey.newBuilder().setSubjectId(SUBJECT).build());
      assertThat(message.getOrderingKey())
          .isEqualTo(
              OrderingKey.bucketed(SUBJECT, SystemEntities.subjectKey().orderingKeyBuckets()));
      // BigQuery: one parameterized DELETE job, then the client's wait and reload
      assertThat(bigQuery.requests())
          .extracting(FakeBigQueryEndpoint.Request::method)
          .containsExactly("POST", "GET", "GET");
      Job job = bigQuery.insertedJob();
      assertThat(job.getJobReference().getProjectId()).isEqualTo("acme-data");
      assertThat(job.getJobReference().getJobId()).matches("entityflow_forget_[0-9a-f]{32}");
      assertThat(job.getConfiguration().getQuery().getQuery())
          .isEqualTo(
              "DELETE FROM `acme-data.prod_entityflow.subject_key_v1`\n"
                  + "WHERE subject_id = @subject AND operation != 'DELETED'"
                  + " AND occurred_at <= @forgotten_at");
      assertThat(job.getConfiguration().getQuery().getUseLegacySql()).isFalse();
      assertThat(job.getConfiguration().getQuery().getParameterMode()).isEqualTo("NAMED");
      List<QueryParameter> parameters = job.getConfiguration().getQuery().getQueryParameters();
      assertThat(parameters)
          .extracting(
              p ->
                  p.getName()
                      + " "
                      + p.getParameterType().getType()
                      + " "
                      + p.getParameterValue().getValue())
          .containsExactlyInAnyOrder(
              "subject STRING " + SUBJECT,
              "forgotten_at TIMESTAMP 2026-12-06 11:00:00.123456+00:00");
      assertThat(bigQuery.requests().get(1).path())
          .startsWith(
              "/bigquery/v2/projects/acme-data/queries/" + job.getJobReference().getJobId() + "?");
      // the receipt
      assertThat(out.toString(StandardCharsets.UTF_8).lines())
          .containsExactly(
              "forgot subject 'customer-42'",
              "  actor:               dpo:ticket-1",
              "  forgotten at:        2026-12-06T11:00:00.123456Z",
              "  key existed:         true (deleted from the key store; audit record written)",
              "  SubjectKey DELETED:  event id "
                  + eventId
                  + ", message id "
                  + message.getMessageId()
                  + ", projects/"
                  + project
                  + "/topics/subject_key_v1",
              "  BigQuery key rows:   2 deleted from acme-data.prod_entityflow.subject_key_v1");
    }
  }

  @Test
  void aMissingTopicExitsFourNamingTheTopicAfterTheKeyWasDeletedAndSaysHowToRepublish()
      throws Exception {
    int code = forget(List.of());

    assertThat(code).isEqualTo(4);
    String topic = "projects/" + project + "/topics/subject_key_v1";
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "entityflow forget: could not publish SubjectKey DELETED to Pub/Sub topic "
                + topic
                + ": ")
        .contains("NOT_FOUND")
        .contains("(does the topic exist in project " + project + "? Terraform creates it)")
        .contains(
            ". The key was already deleted from the key store (key existed: true) and the forget"
                + " is in the audit log;")
        .contains(
            "To republish it, run the same command again once the topic can be reached (the"
                + " audit log then gets another entry with key existed: false).");
    assertThat(query("SELECT subject_id FROM entityflow_subject_keys"))
        .containsExactly("customer-7");
    assertThat(
            query(
                "SELECT subject_id, actor, key_existed, published_at IS NULL"
                    + " FROM entityflow_forget_audit"))
        .containsExactly("customer-42|dpo:ticket-1|true|true");
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .contains("  SubjectKey DELETED:  NOT PUBLISHED to " + topic);
  }

  @Test
  void republishingAfterTheTopicExistsPublishesTheDeletedEventAndAuditsAgain() throws Exception {
    assertThat(forget(List.of())).isEqualTo(4);
    String subscription = subscribeToSubjectKeyTopic();
    out.reset();
    err.reset();

    int code = forget(List.of());

    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    List<ReceivedMessage> received =
        PubSubEmulator.shared().pull(project, subscription, 10, Duration.ofSeconds(2));
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessage().getAttributesOrThrow("operation")).isEqualTo("DELETED");
    assertThat(query("SELECT subject_id, key_existed FROM entityflow_forget_audit ORDER BY id"))
        .containsExactly("customer-42|true", "customer-42|false");
  }

  @Test
  void dryRunChangesNothingAndSaysWhatWouldBeDone() throws Exception {
    String subscription = subscribeToSubjectKeyTopic();

    int code = forget(List.of("--bigquery-project", "acme-data", "--dry-run"));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "dry run for subject 'customer-42': nothing was changed",
            "  actor:               dpo:ticket-1",
            "  key in key store:    yes: it would be deleted and the forget audited",
            "  SubjectKey DELETED:  would be published to projects/"
                + project
                + "/topics/subject_key_v1",
            "  BigQuery key rows:   would be deleted with DELETE FROM"
                + " `acme-data.entityflow.subject_key_v1` WHERE subject_id = @subject AND"
                + " operation != 'DELETED' AND occurred_at <= @forgotten_at"
                + " (@subject = 'customer-42', @forgotten_at = the forget's time)");
    assertThat(query("SELECT subject_id FROM entityflow_subject_keys ORDER BY subject_id"))
        .containsExactly("customer-42", "customer-7");
    assertThat(query("SELECT count(*) FROM entityflow_forget_audit")).containsExactly("0");
    assertThat(PubSubEmulator.shared().pull(project, subscription, 10, Duration.ofMillis(500)))
        .isEmpty();
  }

  @Test
  void aDatabaseWithoutThePrivacyTablesIsRefusedAndNotMigrated() throws Exception {
    PostgresServer.Database empty = PostgresServer.shared().createDatabase("not_a_key_store");
    keyStoreUrl =
        "jdbc:postgresql://localhost:" + PostgresServer.shared().port() + "/" + empty.name();

    int code = forget(List.of());

    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "entityflow forget: the database at "
                + keyStoreUrl
                + " is not a key store: it has no entityflow_subject_keys table; --key-store"
                + " must name the database of the service that encrypts (its privacy tables are"
                + " made by its own migration, never by this command)\n");
    database = empty;
    assertThat(query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        .containsExactly("0");
  }
}
