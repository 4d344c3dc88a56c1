package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.codec.DecryptedEvent;
import io.entityflow.privacy.codec.PiiDecryptor;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.warehouse.local.LocalSubjectKeys;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local flow end to end: the real emulator, the pipeline on the DirectRunner as a child
 * process writing the local warehouse, and the alerting service - started exactly as {@code
 * entityflow demo} starts them.
 */
class LocalModeIT {
  private static final int EVENTS_PER_ENTITY = 3;
  private static final EntityRegistry REGISTRY = EntityRegistry.load();

  /** The alerting service's compressed clock: one simulated hour per two real minutes. */
  private static final DemoTimeline TIMELINE =
      new DemoTimeline(
          DemoTimeline.startingNear(java.time.Instant.now()).start(),
          java.time.Instant.now(),
          30,
          Duration.ofDays(8));

  /** The service's OpenTelemetry: every span kept in memory. */
  private static final OpenTelemetrySdk OPEN_TELEMETRY =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  private static int alertingPort;
  private static int liveIds = 100_000;
  private static Path data;
  private static LocalHome home;
  private static LocalStack stack;
  private static ApplicationContext publisherContext;
  private static EntityPublisher publisher;

  @BeforeAll
  static void startStack() throws Exception {
    data = Files.createTempDirectory("entityflow-local-it");
    home = new LocalHome(Path.of("..").toAbsolutePath().normalize(), data);
    stack =
        LocalStack.start(
            new LocalStack.Settings(
                home,
                alertingPort = PubSubEmulatorPorts.free(),
                alertingProperties(),
                null,
                List.of("--flushSeconds=1", "--heartbeatSeconds=2"),
                System.out));
    publisherContext =
        ApplicationContext.builder()
            .singletons(OPEN_TELEMETRY)
            .properties(
                Map.of(
                    "entityflow.publisher.project-id",
                    LocalStack.PROJECT,
                    "entityflow.publisher.emulator-host",
                    stack.emulatorHost(),
                    "micronaut.application.name",
                    "local-mode-it",
                    "entityflow.privacy.kek-uri",
                    "local-file://" + home.keyEncryptionKey().toAbsolutePath(),
                    "entityflow.privacy.key-store",
                    "memory"))
            .start();
    publisher = publisherContext.getBean(EntityPublisher.class);
  }

  private static Map<String, String> alertingProperties() {
    Map<String, String> properties =
        new java.util.LinkedHashMap<>(AlertingSettings.forLocalMode(home, TIMELINE, "it-token"));
    properties.put("entityflow.alerting.scheduler.enabled", "false");
    // evaluations are triggered by the test, so conditions fire at once (no pending-for)
    properties.remove("entityflow.alerting.rules-file");
    return properties;
  }

  /** Now on the alerting service's clock. */
  private static java.time.Instant simulatedNow() {
    return TIMELINE.at(java.time.Instant.now());
  }

  @AfterAll
  static void stopStack() {
    if (publisherContext != null) {
      publisherContext.close();
    }
    OPEN_TELEMETRY.close();
    if (stack != null) {
      stack.close();
    }
  }

  private static DynamicMessage withId(EntityDefinition entity, int n) {
    FieldDescriptor id = entity.idField();
    Object value =
        id.getJavaType() == FieldDescriptor.JavaType.STRING
            ? entity.topicName() + "-" + n
            : id.getJavaType() == FieldDescriptor.JavaType.LONG
                ? (Object) (long) (1000 + n)
                : (Object) (1000 + n);
    return DynamicMessage.newBuilder(entity.descriptor()).setField(id, value).build();
  }

  private static List<List<String>> awaitRows(String sql, int expected, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<List<String>> rows = List.of();
    while (System.nanoTime() < deadline) {
      rows = LocalSql.query(home.warehouse(), REGISTRY, sql);
      if (rows.size() - 1 >= expected) {
        return rows.subList(1, rows.size());
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "expected "
            + expected
            + " rows from ["
            + sql
            + "] within "
            + timeout
            + ", got "
            + (rows.size() - 1)
            + "\npipeline output:\n"
            + stack.child("pipeline").lastLines());
  }

  @Test
  void everyPublishedEventLandsAsExactlyOneRowInTheTableNamedLikeItsTopic() throws Exception {
    Map<String, List<String>> eventIdsByTable = new java.util.LinkedHashMap<>();
    for (EntityDefinition entity : REGISTRY.entities()) {
      List<String> eventIds = new ArrayList<>();
      for (int n = 1; n <= EVENTS_PER_ENTITY; n++) {
        PublishReceipt receipt =
            publisher
                .publish(withId(entity, n), Operation.CREATED, simulatedNow())
                .get(30, TimeUnit.SECONDS);
        assertThat(receipt.topic()).isEqualTo(entity.topicName());
        eventIds.add(receipt.eventId());
      }
      eventIdsByTable.put(entity.dataset() + "." + entity.tableName(), eventIds);
    }

    for (EntityDefinition entity : REGISTRY.entities()) {
      String table = entity.dataset() + "." + entity.tableName();
      List<List<String>> rows =
          awaitRows(
              "SELECT event_id, operation, producer, schema_version,"
                  + " regexp_replace(CAST("
                  + entity.idField().getName()
                  + " AS VARCHAR), '\\.0+$', '') FROM "
                  + table
                  + " ORDER BY 5",
              EVENTS_PER_ENTITY,
              Duration.ofSeconds(120));
      List<List<String>> expected = new ArrayList<>();
      for (int n = 1; n <= EVENTS_PER_ENTITY; n++) {
        expected.add(
            List.of(
                eventIdsByTable.get(table).get(n - 1),
                "CREATED",
                "local-mode-it",
                entity.schemaVersion(),
                entity.idOf(withId(entity, n))));
      }
      assertThat(rows).as(table).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void garbagePayloadsLandInTheDeadLetterTableWithTheirRawBytes() throws Exception {
    String marker = UUID.randomUUID().toString();
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x13, 0x37};
    Publisher raw =
        Publisher.newBuilder(TopicName.of(LocalStack.PROJECT, "sale_v1"))
            .setChannelProvider(PubSubEmulator.shared().channelProvider())
            .setCredentialsProvider(PubSubEmulator.shared().credentials())
            .build();
    try {
      raw.publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFrom(garbage))
                  .putAttributes("event_id", UUID.randomUUID().toString())
                  .putAttributes("operation", "CREATED")
                  .putAttributes("occurred_at", "2026-11-23T10:00:00Z")
                  .putAttributes("producer", "garbage-" + marker)
                  .putAttributes("schema", "acme.retail.sale.v1.Sale")
                  .putAttributes("schema_version", "1.0")
                  // Sale has PII: without the attribute the event is refused before parsing
                  .putAttributes("pii_encryption", "tink-aead-v1")
                  .build())
          .get(30, TimeUnit.SECONDS);
      raw.publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFromUtf8("no attributes"))
                  .putAttributes("producer", "garbage-" + marker)
                  .build())
          .get(30, TimeUnit.SECONDS);
    } finally {
      raw.shutdown();
      raw.awaitTermination(10, TimeUnit.SECONDS);
    }

    List<List<String>> rows =
        awaitRows(
            "SELECT error_kind, source_topic, to_base64(payload) FROM entityflow.dead_letter"
                + " WHERE json_extract_string(attributes, '$.producer') = 'garbage-"
                + marker
                + "' ORDER BY 1",
            2,
            Duration.ofSeconds(120));

    assertThat(rows)
        .containsExactly(
            List.of(
                "MISSING_ATTRIBUTE",
                "sale_v1",
                java.util.Base64.getEncoder().encodeToString("no attributes".getBytes())),
            List.of(
                "UNPARSEABLE_PAYLOAD",
                "sale_v1",
                java.util.Base64.getEncoder().encodeToString(garbage)));
  }

  @Test
  void aForgottenCustomerIsUnreadableInTableViewsDeadLetterAndReplayWhileAnotherIsNot()
      throws Exception {
    EntityDefinition customers = REGISTRY.forTopic("customer_v1").orElseThrow();
    String gone = "forget-" + UUID.randomUUID();
    String kept = "keep-" + UUID.randomUUID();
    java.time.Instant at = simulatedNow();
    Customer forgotten =
        Customer.newBuilder()
            .setCustomerId(gone)
            .setEmail("forget.me@example.com")
            .setFullName("Forget Me")
            .build();
    Customer other =
        Customer.newBuilder()
            .setCustomerId(kept)
            .setEmail("keep.me@example.com")
            .setFullName("Keep Me")
            .build();
    publisher.publish(forgotten, Operation.CREATED, at).get(30, TimeUnit.SECONDS);
    publisher.publish(other, Operation.CREATED, at).get(30, TimeUnit.SECONDS);
    // a dead letter holding the forgotten customer's encrypted payload (operation missing)
    EncodedEvent update =
        publisherContext
            .getBean(EventEncoder.class)
            .encode(PublishRequest.of(forgotten, Operation.UPDATED).withOccurredAt(at));
    Map<String, String> attributes = new java.util.HashMap<>(update.attributes());
    attributes.remove("operation");
    CustomerReplay.publishRaw("customer_v1", update.payload(), attributes);
    String ids = "('" + gone + "', '" + kept + "')";
    awaitRows(
        "SELECT subject_id FROM entityflow.subject_key_v1 WHERE subject_id IN " + ids,
        2,
        Duration.ofSeconds(120));
    awaitRows(
        "SELECT 1 FROM entityflow.dead_letter WHERE json_extract_string(attributes,"
            + " '$.event_id') = '"
            + update.eventId()
            + "'",
        1,
        Duration.ofSeconds(120));
    assertThat(
            awaitRows(
                "SELECT customer_id, email FROM retail_pii.customer_v1_decrypted WHERE"
                    + " customer_id IN "
                    + ids
                    + " ORDER BY customer_id",
                2,
                Duration.ofSeconds(120)))
        .containsExactly(
            List.of(gone, "forget.me@example.com"), List.of(kept, "keep.me@example.com"));

    publisherContext.getBean(SubjectForgetter.class).forget(gone, "local-mode-it");
    assertThat(LocalSubjectKeys.erase(home.warehouse(), gone)).isEqualTo(1);

    // the views: NULL for the forgotten subject, the other one as before
    assertThat(
            LocalSql.query(
                home.warehouse(),
                REGISTRY,
                "SELECT d.customer_id, d.email, d.full_name, m.email IS NULL FROM"
                    + " retail_pii.customer_v1_decrypted d JOIN retail.customer_v1_masked m USING"
                    + " (event_id) WHERE d.customer_id IN "
                    + ids
                    + " ORDER BY 1"))
        .containsExactly(
            List.of("customer_id", "email", "full_name", "(m.email IS NULL)"),
            List.of(gone, "NULL", "NULL", "true"),
            List.of(kept, "keep.me@example.com", "Keep Me", "false"));
    // the history table and the latest view hold ciphertext only the other subject's key opens
    SubjectKeysets keys = publisherContext.getBean(SubjectKeysets.class);
    assertThat(keys.existingAeadFor(gone)).isEmpty();
    for (String view : List.of("retail.customer_v1", "retail.customer_v1_latest")) {
      Map<String, byte[]> emails = new java.util.HashMap<>();
      for (List<String> row :
          awaitRows(
              "SELECT customer_id, to_base64(email) FROM " + view + " WHERE customer_id IN " + ids,
              2,
              Duration.ofSeconds(10))) {
        emails.put(row.get(0), java.util.Base64.getDecoder().decode(row.get(1)));
      }
      assertThat(new String(emails.get(gone), java.nio.charset.StandardCharsets.ISO_8859_1))
          .as(view)
          .doesNotContain("forget.me");
      assertThat(
              keys.existingAeadFor(kept)
                  .orElseThrow()
                  .decrypt(
                      emails.get(kept), kept.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as(view)
          .asString()
          .isEqualTo("keep.me@example.com");
    }
    // the dead letter's raw bytes: the subject reads as forgotten
    PiiDecryptor decryptor = new PiiDecryptor(keys);
    String payload =
        LocalSql.query(
                home.warehouse(),
                REGISTRY,
                "SELECT to_base64(payload) FROM entityflow.dead_letter WHERE"
                    + " json_extract_string(attributes, '$.event_id') = '"
                    + update.eventId()
                    + "'")
            .get(1)
            .get(0);
    DecryptedEvent<Customer> deadLetter =
        decryptor.decrypt(
            customers,
            java.util.Base64.getDecoder().decode(payload),
            Customer.getDefaultInstance());
    assertThat(deadLetter.forgotten()).isTrue();
    assertThat(deadLetter.message().getEmail()).isEmpty();
    assertThat(deadLetter.message().getCustomerId()).isEqualTo(gone);
    // a replay of the table: the forgotten subject stays forgotten, the other decrypts
    Map<String, DecryptedEvent<Customer>> replayed =
        CustomerReplay.decrypted(
            home, REGISTRY, publisherContext.getBean(SubjectKeysets.class), at);
    assertThat(replayed.get(gone).forgotten()).isTrue();
    assertThat(replayed.get(gone).message().getEmail()).isEmpty();
    assertThat(replayed.get(kept).forgotten()).isFalse();
    assertThat(replayed.get(kept).message().getEmail()).isEqualTo("keep.me@example.com");
  }

  @Test
  void oneTraceGoesFromTheServiceSpanToTheRowAndToADeadLetter() throws Exception {
    EntityDefinition installations = REGISTRY.forTopic("installation_v1").orElseThrow();
    Span request =
        OPEN_TELEMETRY.getTracer("local-mode-it").spanBuilder("POST /installations").startSpan();
    PublishReceipt receipt;
    try (Scope ignored = request.makeCurrent()) {
      receipt =
          publisher
              .publish(withId(installations, liveIds++), Operation.CREATED, simulatedNow())
              .get(30, TimeUnit.SECONDS);
    } finally {
      request.end();
    }
    String traceId = request.getSpanContext().getTraceId();
    // a message of the same trace that the pipeline refuses (its payload does not parse)
    String refusedId = UUID.randomUUID().toString();
    CustomerReplay.publishRaw(
        "installation_v1",
        ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}),
        Map.of(
            "event_id",
            refusedId,
            "operation",
            "CREATED",
            "occurred_at",
            "2026-11-23T10:00:00Z",
            "producer",
            "local-mode-it",
            "schema",
            installations.fullName(),
            "schema_version",
            installations.schemaVersion(),
            "traceparent",
            "00-" + traceId + "-" + request.getSpanContext().getSpanId() + "-01"));

    assertThat(
            awaitRows(
                "SELECT trace_id FROM "
                    + installations.dataset()
                    + "."
                    + installations.tableName()
                    + " WHERE event_id = '"
                    + receipt.eventId()
                    + "'",
                1,
                Duration.ofSeconds(120)))
        .containsExactly(List.of(traceId));
    assertThat(
            awaitRows(
                "SELECT error_kind, trace_id FROM entityflow.dead_letter WHERE"
                    + " json_extract_string(attributes, '$.event_id') = '"
                    + refusedId
                    + "'",
                1,
                Duration.ofSeconds(120)))
        .containsExactly(List.of("UNPARSEABLE_PAYLOAD", traceId));
  }

  @Test
  void silencedEntityFiresAnAlertThatResolvesWhenEventsResume() throws Exception {
    EntityDefinition accrual = REGISTRY.forTopic("loyalty_accrual_v1").orElseThrow();
    EntityDefinition sale = REGISTRY.forTopic("sale_v1").orElseThrow();
    // eight simulated days of history at 30 events per hour each, up to the simulated now, so
    // baselines can be learned and live traffic continues without a gap
    java.time.Instant until = TIMELINE.start().minus(TIMELINE.history());
    int published = 0;
    for (int round = 0; round < 3; round++) {
      java.time.Instant now = simulatedNow();
      List<java.util.concurrent.CompletableFuture<PublishReceipt>> history = new ArrayList<>();
      for (; until.isBefore(now); until = until.plusSeconds(120)) {
        history.add(publisher.publish(withId(accrual, liveIds), Operation.CREATED, until));
        history.add(
            publisher.publish(withId(sale, liveIds++), Operation.CREATED, until.plusSeconds(60)));
      }
      java.util.concurrent.CompletableFuture.allOf(
              history.toArray(new java.util.concurrent.CompletableFuture[0]))
          .get(2, TimeUnit.MINUTES);
      published += history.size() / 2;
      if (round == 0) {
        for (EntityDefinition entity : List.of(accrual, sale)) {
          awaitRows(
              "SELECT 1 FROM "
                  + entity.dataset()
                  + "."
                  + entity.tableName()
                  + " WHERE occurred_at >= TIMESTAMPTZ '"
                  + TIMELINE.start().minus(TIMELINE.history())
                  + "'",
              published,
              Duration.ofMinutes(4));
        }
      }
    }

    // both flow: nothing fires for the accruals
    publishLive(List.of(accrual, sale), Duration.ofSeconds(24));
    evaluate();
    assertThat(notifications("retail.loyalty_accrual_v1/CREATED")).as(series()).isEmpty();

    // accruals stop while sales go on: a SILENCE alert fires for the accruals only
    publishLive(List.of(sale), Duration.ofSeconds(64));
    evaluate();
    List<String> fired =
        notifications("retail.loyalty_accrual_v1/CREATED").stream()
            .filter(line -> line.contains("\"status\":\"firing\""))
            .filter(line -> line.contains("\"condition\":\"SILENCE\""))
            .toList();
    assertThat(fired).as(series()).hasSize(1);
    String dedupKey = fired.get(0).replaceAll(".*\"dedup_key\":\"([^\"]+)\".*", "$1");

    // accruals resume: the first few events do not resolve it (the recovery test wants 20
    // expected events since the last silent evaluation: 40 simulated minutes at 30 an hour)
    publishLive(List.of(accrual, sale), Duration.ofSeconds(16));
    evaluate();
    assertThat(notifications("retail.loyalty_accrual_v1/CREATED"))
        .as(series())
        .filteredOn(line -> line.contains("\"status\":\"resolved\""))
        .isEmpty();

    // once they are back for long enough, the same SILENCE incident resolves, saying what came back
    publishLive(List.of(accrual, sale), Duration.ofSeconds(80));
    evaluate();
    assertThat(notifications("retail.loyalty_accrual_v1/CREATED"))
        .as(series())
        .filteredOn(line -> line.contains("\"status\":\"resolved\""))
        .singleElement()
        .asString()
        .contains("\"dedup_key\":\"" + dedupKey + "\"")
        .contains("\"condition\":\"SILENCE\"")
        .contains("retail.loyalty_accrual_v1/CREATED events are back: ");
  }

  /**
   * One event per entity per simulated two minutes (every 4 real seconds), on the simulated clock.
   */
  private static void publishLive(List<EntityDefinition> entities, Duration real) throws Exception {
    long end = System.nanoTime() + real.toNanos();
    while (System.nanoTime() < end) {
      for (EntityDefinition entity : entities) {
        publisher
            .publish(withId(entity, liveIds++), Operation.CREATED, simulatedNow())
            .get(30, TimeUnit.SECONDS);
      }
      Thread.sleep(4000);
    }
    // let the pipeline land the last events before the next evaluation
    Thread.sleep(4000);
  }

  /** Asks the alerting service to evaluate now (its scheduler is off in this test). */
  private static void evaluate() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + alertingPort + "/api/evaluate"))
                    .header("Authorization", "Bearer it-token")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }

  /** What the alerting service thinks of every series, for failure messages. */
  private static String series() {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + alertingPort + "/api/series"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return "series unavailable: " + e;
    }
  }

  /** The webhook-log notifications of one series, in order. */
  private static List<String> notifications(String series) throws Exception {
    if (!Files.isRegularFile(home.webhookLog())) {
      return List.of();
    }
    return Files.readAllLines(home.webhookLog()).stream()
        .filter(line -> line.contains("\"series\":\"" + series + "\""))
        .toList();
  }

  /** Free ports for the child services. */
  static final class PubSubEmulatorPorts {
    static int free() {
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
